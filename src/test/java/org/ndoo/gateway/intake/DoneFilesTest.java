package org.ndoo.gateway.intake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoneFilesTest {

    @Test
    void namesTheDoneFileAsCamelDoes() {
        assertEquals("list.csv.done", new DoneFiles("${file:name}.done").doneFileFor("list.csv"));
        assertEquals("list.ready", new DoneFiles("${file:name.noext}.ready").doneFileFor("list.csv"));
        assertEquals("done-list.csv", new DoneFiles("done-${file:name}").doneFileFor("list.csv"));
    }

    @Test
    void recognisesDoneFiles() {
        DoneFiles done = new DoneFiles("${file:name}.done");
        assertTrue(done.isOn());
        assertTrue(done.isDoneFile("list.csv.done"));
        assertFalse(done.isDoneFile("list.csv"));
        assertFalse(done.isDoneFile(".done"), "a done file names some file");
    }

    @Test
    void emptyIsOff() {
        assertFalse(new DoneFiles("").isOn());
        assertFalse(new DoneFiles(" ").isDoneFile("list.csv.done"));
    }
}
