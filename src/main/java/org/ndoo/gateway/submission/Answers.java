package org.ndoo.gateway.submission;

/**
 * What the lookup answered for a submission so far: the chunks answered, the numbers they asked about and the
 * numbers permitted. Each answered chunk gives a new Answers ({@link #plus}), in input order (lookup.ChunkTurns);
 * the route keeps the last in the exchange property 'answers'.
 *
 * @param chunks    lookup chunks answered
 * @param checked   numbers the answered chunks asked about
 * @param permitted numbers the lookup permitted
 */
public record Answers(int chunks, long checked, long permitted) {

    /** Nothing answered yet. */
    public static final Answers NONE = new Answers(0, 0, 0);

    /** These answers and one more chunk, which asked about {@code asked} numbers and permitted {@code permittedInChunk}. */
    public Answers plus(long asked, long permittedInChunk) {
        return new Answers(chunks + 1, checked + asked, permitted + permittedInChunk);
    }
}
