package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads LCOV tracefiles ({@code lcov.info}, {@code *.lcov}): records from {@code SF:<source file>} to
 * {@code end_of_record}. Per record, lines found/hit are {@code LF}/{@code LH} when both are given, else counted
 * from the {@code DA:<line>,<hits>} lines; branches likewise from {@code BRF}/{@code BRH} or the
 * {@code BRDA:<line>,<block>,<branch>,<taken|->} lines. The records are summed. Other keys (TN, FN, FNDA, VER,
 * ...) are skipped. A record left open at the end of the file means the file was cut off, and is a problem.
 */
public final class LcovFormat implements EvidenceFormat {

    private static final String NAME = "LCOV";

    private static final FormatProfile PROFILE = new FormatProfile(NAME, ContentSignature.firstLine("TN:", "SF:"),
            List.of("lcov.info", "*.lcov"), List.of("*lcov*"), EnumSet.of(Dimension.COVERAGE));

    @Override
    public FormatProfile profile() {
        return PROFILE;
    }

    @Override
    public CoverageResults parse(String source, byte[] content) throws MalformedEvidenceException {
        // Paths in SF lines may be in any encoding; they are not used, so bad bytes are harmless.
        List<String> lines = Utf8Text.decode(content, content.length).lines().toList();
        Record record = null;
        int records = 0;
        long linesFound = 0;
        long linesHit = 0;
        long branchesFound = 0;
        long branchesHit = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = "line " + (i + 1);
            if (line.equals("end_of_record")) {
                if (record == null) {
                    throw new MalformedEvidenceException(where, "end_of_record without an SF line before it",
                            "start every record with SF:<source file>");
                }
                linesFound += record.linesFound(where);
                linesHit += record.linesHit;
                branchesFound += record.branchesFound(where);
                branchesHit += record.branchesHit;
                records++;
                record = null;
                continue;
            }
            int colon = line.indexOf(':');
            if (line.isEmpty() || colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (key.equals("SF")) {
                if (record != null) {
                    throw new MalformedEvidenceException(where, "SF:" + value + " starts a record before the "
                            + "record for " + record.file + " ended", "end every record with end_of_record");
                }
                record = new Record(value);
            } else if (record != null) {
                record.read(key, value, where);
            } else if (Record.KEYS.contains(key)) {
                throw new MalformedEvidenceException(where, key + ": outside a record",
                        "put it between SF:<source file> and end_of_record");
            }
        }
        if (record != null) {
            throw new MalformedEvidenceException("end of file", "the record for " + record.file + " has no "
                    + "end_of_record, so the file was cut off", "regenerate the tracefile; the tool that wrote it "
                    + "probably stopped before it finished");
        }
        if (records == 0) {
            throw new MalformedEvidenceException("", "the tracefile has no SF ... end_of_record record",
                    "run the tests with coverage on; an LCOV tracefile has one record per source file");
        }
        if (linesFound == 0) {
            throw new MalformedEvidenceException("", "the tracefile's " + records + " records have no lines, so "
                    + "it measured no code", "check that the coverage run instrumented the sources");
        }
        Optional<Coverage> branches = branchesFound == 0 ? Optional.empty()
                : Optional.of(new Coverage.Counted(branchesHit, branchesFound));
        return new CoverageResults(source, new Coverage.Counted(linesHit, linesFound), branches);
    }

    /** One SF ... end_of_record record. */
    private static final class Record {
        static final List<String> KEYS = List.of("DA", "BRDA", "LF", "LH", "BRF", "BRH", "FN", "FNDA", "FNF",
                "FNH");

        final String file;
        long linesHit;
        long branchesHit;
        private long daFound;
        private long daHit;
        private long brdaFound;
        private long brdaHit;
        private OptionalLong lf = OptionalLong.empty();
        private OptionalLong lh = OptionalLong.empty();
        private OptionalLong brf = OptionalLong.empty();
        private OptionalLong brh = OptionalLong.empty();

        Record(String file) {
            this.file = file;
        }

        void read(String key, String value, String where) throws MalformedEvidenceException {
            switch (key) {
                case "DA" -> {
                    String[] fields = fields(key, value, 2, where);
                    count(fields[0], "the line number in DA", where);
                    daFound++;
                    daHit += signedCount(fields[1], "the hit count in DA", where) > 0 ? 1 : 0;
                }
                case "BRDA" -> {
                    String[] fields = fields(key, value, 4, where);
                    brdaFound++;
                    brdaHit += !fields[3].equals("-") && count(fields[3], "the taken count in BRDA", where) > 0
                            ? 1 : 0;
                }
                case "LF" -> lf = OptionalLong.of(count(value, "LF", where));
                case "LH" -> lh = OptionalLong.of(count(value, "LH", where));
                case "BRF" -> brf = OptionalLong.of(count(value, "BRF", where));
                case "BRH" -> brh = OptionalLong.of(count(value, "BRH", where));
                default -> {
                    // functions, test names, checksums, newer keys: not used for line and branch coverage
                }
            }
        }

        /** Lines found; sets {@link #linesHit}. Totals win over DA lines when both LF and LH are given. */
        long linesFound(String where) throws MalformedEvidenceException {
            long found = lf.isPresent() && lh.isPresent() ? lf.getAsLong() : daFound;
            linesHit = lf.isPresent() && lh.isPresent() ? lh.getAsLong() : daHit;
            return checked(found, linesHit, "LH", "LF", where);
        }

        long branchesFound(String where) throws MalformedEvidenceException {
            long found = brf.isPresent() && brh.isPresent() ? brf.getAsLong() : brdaFound;
            branchesHit = brf.isPresent() && brh.isPresent() ? brh.getAsLong() : brdaHit;
            return checked(found, branchesHit, "BRH", "BRF", where);
        }

        private long checked(long found, long hit, String hitKey, String foundKey, String where)
                throws MalformedEvidenceException {
            if (hit > found) {
                throw new MalformedEvidenceException(where, "the record for " + file + " has " + hitKey + " " + hit
                        + " above " + foundKey + " " + found, "regenerate the tracefile; more cannot be hit than "
                        + "exist");
            }
            return found;
        }

        private static String[] fields(String key, String value, int needed, String where)
                throws MalformedEvidenceException {
            String[] fields = value.split(",", -1);
            if (fields.length < needed) {
                throw new MalformedEvidenceException(where, key + ":" + value + " has " + fields.length + " fields, "
                        + "not " + needed, "regenerate the tracefile; see the LCOV geninfo format");
            }
            return fields;
        }

        private static long count(String text, String what, String where) throws MalformedEvidenceException {
            long count = signedCount(text, what, where);
            if (count < 0) {
                throw notCount(text, what, where);
            }
            return count;
        }

        /** Hit counts may be negative: gcov overflows are written that way, and mean "not hit" here. */
        private static long signedCount(String text, String what, String where) throws MalformedEvidenceException {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw notCount(text, what, where);
            }
        }

        private static MalformedEvidenceException notCount(String text, String what, String where) {
            return new MalformedEvidenceException(where, what + " is '" + text + "', not a whole number of zero or "
                    + "more", "regenerate the tracefile; see the LCOV geninfo format");
        }
    }
}
