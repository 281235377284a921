package dev.pce.engine.evidence;

/**
 * The file-name patterns of {@link EvidenceFormat}: {@code *} matches any run of characters, a lower-case letter
 * matches either case, and every other character only itself. So {@code *junit*.xml} takes {@code report-JUnit.xml},
 * while {@code TEST-*.xml} (Surefire's names) does not take {@code test-config.xml}.
 */
final class FileNameGlob {

    private FileNameGlob() {
    }

    static boolean matches(String glob, String name) {
        int g = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = n;
            } else if (g < glob.length() && same(glob.charAt(g), name.charAt(n))) {
                g++;
                n++;
            } else if (star >= 0) {
                // let the last star take one more character and try again from there
                g = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    private static boolean same(char pattern, char c) {
        return pattern == c || Character.isLowerCase(pattern) && Character.toLowerCase(c) == pattern;
    }
}
