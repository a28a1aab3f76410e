package org.ndoo.gateway.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camel's done-file convention for the shared folder ({@code gateway.inbox.done-file-name}): a file is complete
 * once a file named by the pattern exists beside it ({@code ${file:name}} is the file's name,
 * {@code ${file:name.noext}} the name without its extension). A done file is never a submission itself. Empty: off.
 * (Camel's own {@code doneFileName} option cannot be left empty, and the shared folder deletes its inputs itself.)
 */
public final class DoneFiles {

    /** The setting that holds the pattern. */
    public static final String KEY = "gateway.inbox.done-file-name";
    private static final Pattern TOKEN = Pattern.compile("\\$\\{file:name(\\.noext)?}");

    private final String pattern;
    private final Pattern doneFile;

    /** Done files named by {@code pattern} (the setting {@link #KEY}); empty: off. */
    public DoneFiles(String pattern) {
        this.pattern = pattern == null ? "" : pattern.strip();
        this.doneFile = this.pattern.isEmpty() ? null : Pattern.compile(toRegex(this.pattern));
    }

    public boolean isOn() {
        return doneFile != null;
    }

    /** The name of the done file that completes the file named {@code fileName}. */
    public String doneFileFor(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String noExtension = dot > 0 ? fileName.substring(0, dot) : fileName;
        return TOKEN.matcher(pattern).replaceAll(m -> Matcher.quoteReplacement(m.group(1) == null ? fileName : noExtension));
    }

    /** Whether {@code fileName} is the name of some file's done file. */
    public boolean isDoneFile(String fileName) {
        return doneFile != null && doneFile.matcher(fileName).matches();
    }

    private static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        Matcher m = TOKEN.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start()))).append(".+");
            last = m.end();
        }
        return regex.append(Pattern.quote(pattern.substring(last))).toString();
    }
}
