package org.ndoo.gateway.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.ndoo.gateway.submission.Counts;
import org.ndoo.gateway.submission.Submission;
import org.ndoo.gateway.submission.Wording;

/** The sentences of the result email that depend on the counts and the attachment, singular and plural right. */
final class ResultWording {

    private ResultWording() {
    }

    /** How the submitter sends again, by the way the submission came in (source {@code web}, {@code sftp:*}, a drop). */
    static String sendAgain(Submission submission) {
        if ("web".equals(submission.getSource())) {
            return "send the check again from the gateway's web page";
        }
        return submission.getSource().startsWith("sftp") ? "send the file again" : "drop the file again into your folder";
    }

    /** What became of what was sent, by the way it came in. */
    static String inputDeleted(Submission submission) {
        if ("web".equals(submission.getSource())) {
            return "What you sent has been deleted from the gateway.";
        }
        return submission.getSource().startsWith("sftp") ? "The file you sent has been deleted from the gateway."
                : "The file you dropped has been deleted from the gateway.";
    }

    /** What the invalid rows are, by line number (never by value), and the spreadsheet hint. */
    static String invalidRows(Counts c) {
        long invalid = c.getInvalid();
        List<Long> lines = c.getFirstInvalidLines();
        String listed = String.join(", ", lines.stream().map(Wording::number).toList());
        StringBuilder text = new StringBuilder();
        if (invalid == 1) {
            text.append("The invalid row is not checked and not in the result. Its line number: ").append(listed)
                    .append('.');
        } else if (invalid <= lines.size()) {
            text.append("The invalid rows are not checked and not in the result. Their line numbers: ").append(listed)
                    .append('.');
        } else {
            text.append("The invalid rows are not checked and not in the result. Line numbers of the first ")
                    .append(lines.size()).append(": ").append(listed).append("; ")
                    .append(Wording.number(invalid - lines.size())).append(" more ")
                    .append(Wording.verb(invalid - lines.size(), "is", "are")).append(" not listed.");
        }
        long damaged = c.getSpreadsheetDamaged();
        if (damaged > 0) {
            text.append(' ').append(invalid == 1 ? "It looks" : Wording.number(damaged) + " of them "
                    + Wording.verb(damaged, "looks", "look"))
                    .append(" changed by a spreadsheet (like 9.43E+09, or a number ending in .0): format the NHS number column"
                            + " as Text before saving as CSV.");
        }
        return text.toString();
    }

    /** What the attached file holds; for a ZIP, what is inside it and why it was zipped. */
    static String attachment(Path attachment, long permitted, long zipAboveBytes) {
        // named as in the subject (digit runs masked): only the attachment itself carries the name as dropped
        String name = MailComposer.headerSafe(attachment.getFileName().toString());
        String lists = permitted == 0
                ? "holds only its header row: none of the checked NHS numbers may be used."
                : "lists the " + Wording.count(permitted, "NHS number") + " that may be used, in the order of your"
                        + " file.";
        String withheld = " Withheld numbers may not be used: they are left out and the email does not say why.";
        if (!attachment.getFileName().toString().endsWith(".zip")) {
            return "The attached file " + name + " " + lists + withheld;
        }
        ZipEntry csv = onlyEntry(attachment);
        return "The attached file " + name + " is a ZIP archive holding one file, " + MailComposer.headerSafe(csv.getName()) + " ("
                + Wording.bytes(csv.getSize()) + "), which " + lists + withheld + " It was zipped because that file is"
                + " larger than " + Wording.count(zipAboveBytes, "byte") + ", the largest the gateway sends unzipped"
                + " (gateway.result.zip-above-bytes). Open or extract the ZIP (in Windows: right-click it, Extract"
                + " All) to get the CSV file.";
    }

    private static ZipEntry onlyEntry(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.entries().nextElement();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the zipped response file " + zip.getFileName(), e);
        }
    }
}
