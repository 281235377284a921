package dev.pce.server.github.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code actions/upload-artifact@v4}: the files {@code path} matches (lines of patterns, {@code !} excludes, hidden
 * files left out unless {@code include-hidden-files}) stored under {@code name}, relative to the search path (the
 * least common ancestor of several; a single file's folder); {@code if-no-files-found} warn, error or ignore; a name
 * uploaded twice in a run is an error unless {@code overwrite}.
 */
final class UploadArtifact implements Action {
    private static final String INVALID_PATH_CHARACTERS = "\":<>|*?\r\n";

    @Override
    public String name() {
        return "actions/upload-artifact";
    }

    @Override
    public Map<String, String> inputs() {
        return Map.of("name", "artifact", "path", "", "if-no-files-found", "warn", "retention-days", "",
                "compression-level", "6", "overwrite", "false", "include-hidden-files", "false");
    }

    @Override
    public boolean replays(String ref) {
        return Action.major(ref, "v4");
    }

    @Override
    public void run(ActionStep step) throws StepFailure {
        String patterns = step.requiredInput("path");
        String ifNoFiles = step.input("if-no-files-found");
        if (!List.of("warn", "error", "ignore").contains(ifNoFiles)) {
            throw new StepFailure("Unrecognized if-no-files-found input. Provided: " + ifNoFiles
                    + ". Available options: warn,error,ignore");
        }
        GlobSearch search = GlobSearch.of(step.workspace, patterns);
        List<Path> files = search.files(step.booleanInput("include-hidden-files"));
        if (files.isEmpty()) {
            String message = "No files were found with the provided path: " + patterns
                    + ". No artifacts will be uploaded.";
            switch (ifNoFiles) {
                case "error" -> throw new StepFailure(message);
                case "warn" -> step.annotations.add(Annotation.warning(message));
                default -> step.log(message);
            }
            return;
        }
        Path root = root(search.searchPaths(), files);
        for (Path file : files) {
            String relative = root.relativize(file).toString();
            for (char c : INVALID_PATH_CHARACTERS.toCharArray()) {
                if (relative.indexOf(c) >= 0) {
                    throw new StepFailure("The path for one of the files in artifact is not valid: " + relative
                            + ". Contains the following character: " + c);
                }
            }
        }
        try {
            step.run.artifacts.upload(step.input("name"), files, root, step.booleanInput("overwrite"));
        } catch (IllegalArgumentException e) {
            throw new StepFailure(e.getMessage());
        }
        step.log("With the provided path, there will be " + files.size() + " file" + (files.size() == 1 ? "" : "s")
                + " uploaded; artifact " + step.input("name") + " has been successfully uploaded!");
        step.outputs.put("artifact-id", Integer.toString(step.run.artifacts.all().size()));
        step.outputs.put("artifact-url", step.run.github.get("server_url").asText() + "/"
                + step.run.github.get("repository").asText() + "/actions/runs/" + step.run.runId + "/artifacts/"
                + step.run.artifacts.all().size());
    }

    /** The artifact's root: the search paths' least common ancestor, a lone file's folder, or the search path. */
    private static Path root(List<Path> searchPaths, List<Path> files) {
        if (searchPaths.size() > 1) {
            Path common = searchPaths.getFirst();
            for (Path path : searchPaths) {
                while (!path.startsWith(common)) {
                    common = common.getParent();
                }
            }
            return common;
        }
        if (files.size() == 1 && files.getFirst().equals(searchPaths.getFirst())) {
            return files.getFirst().getParent();
        }
        return searchPaths.getFirst();
    }
}
