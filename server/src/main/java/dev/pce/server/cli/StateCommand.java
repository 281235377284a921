package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.model.Ids;
import dev.pce.engine.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ce state}: what one CI job of a workflow hands the next, in one directory it uploads as an artifact: the
 * workflow's event log and the code so far (a git bundle of the commit the jobs build on). Parallel jobs each keep
 * their changes as a patch; the merging job applies them one after another, one commit each. Tasks that write the
 * same file never run at once, so the patches of one round touch different files.
 */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Hand a workflow's event log and code from one CI job to the next (see docs/github-actions.md).",
        subcommands = {StateCommand.Save.class, StateCommand.Restore.class, StateCommand.Changes.class,
                StateCommand.Apply.class})
public final class StateCommand {
    static final String EVENTS = "events.jsonl";
    static final String CODE = "code.bundle";
    /** PCE's own files in a job's working tree: never part of a task's changes. */
    private static final List<String> NOT_CHANGES = List.of(":(exclude).mcp.json", ":(exclude).claude",
            ":(exclude).ce-workspace", ":(exclude)ce-state", ":(exclude)job", ":(exclude)jobs");

    private StateCommand() {
    }

    /** {@code ce state save DIR --workflow ID}. */
    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Write the workflow's event log and a git bundle of the commit checked out (HEAD) into DIR.")
    static final class Save implements Callable<Integer> {
        @Mixin
        WorkflowLog workflow;

        @Parameters(index = "0", paramLabel = "DIR", description = "The state directory (created if missing).")
        Path dir;

        @Override
        public Integer call() {
            Path log = workflow.eventsFile();
            if (!Files.isRegularFile(log)) {
                throw new CeException(ErrorCode.UNKNOWN_WORKFLOW, "Workflow " + workflow.id + " has no event log at "
                        + log + ".", "Plan it first (ce_plan), or restore its state before saving it.");
            }
            Path bundle = dir.resolve(CODE).toAbsolutePath();
            try {
                Files.createDirectories(dir);
                Files.copy(log, dir.resolve(EVENTS), StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(bundle);
            } catch (IOException e) {
                throw ioFailure("write the state into " + dir, e);
            }
            new Git(Path.of("")).run("bundle", "create", "--quiet", bundle.toString(), "HEAD");
            return 0;
        }
    }

    /** {@code ce state restore DIR --workflow ID}. */
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Check out the commit of DIR's git bundle (detached) and put DIR's event log into the "
                    + "workspace as the workflow's.")
    static final class Restore implements Callable<Integer> {
        @Mixin
        WorkflowLog workflow;

        @Parameters(index = "0", paramLabel = "DIR", description = "A state directory written by ce state save.")
        Path dir;

        @Override
        public Integer call() {
            for (String part : List.of(EVENTS, CODE)) {
                if (!Files.isRegularFile(dir.resolve(part))) {
                    throw new CeException(ErrorCode.INVALID_ARGUMENT, dir + " has no " + part + ".",
                            "Give the directory ce state save wrote (the downloaded state artifact).");
                }
            }
            Git git = new Git(Path.of(""));
            git.run("fetch", "--quiet", dir.resolve(CODE).toAbsolutePath().toString(), "HEAD");
            git.run("checkout", "--quiet", "--detach", "FETCH_HEAD");
            Path log = workflow.eventsFile();
            try {
                Files.createDirectories(log.getParent());
                Files.copy(dir.resolve(EVENTS), log, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw ioFailure("put the event log into the workspace at " + log, e);
            }
            EventLog.forgetAcknowledgedEnd(log);
            return 0;
        }
    }

    /** {@code ce state changes FILE}. */
    @Command(name = "changes", mixinStandardHelpOptions = true,
            description = "Write the working tree's changes against HEAD (changed, new and deleted files, binary "
                    + "ones too) as a patch to FILE, leaving out PCE's own files (.mcp.json, .claude, .ce-workspace).")
    static final class Changes implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the patch (empty: no changes).")
        Path file;

        @Override
        public Integer call() {
            Git git = new Git(Path.of(""));
            List<String> add = new ArrayList<>(List.of("add", "--all", "--", "."));
            add.addAll(NOT_CHANGES);
            git.run(add.toArray(String[]::new));
            String patch = git.run("diff", "--cached", "--binary", "HEAD");
            try {
                Files.writeString(file, patch);
            } catch (IOException e) {
                throw ioFailure("write the changes to " + file, e);
            }
            return 0;
        }
    }

    /** {@code ce state apply PATCH...}. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Apply each patch in turn to the checked-out commit and commit it, named after the folder "
                    + "holding it (one job's artifact); an empty patch is skipped. Refuses a patch that does not "
                    + "apply, naming it and its files.")
    static final class Apply implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PATCH", description = "Patches written by ce state changes.")
        List<Path> patches;

        @Mixin
        CommandStreams streams;

        @Override
        public Integer call() {
            Git git = new Git(Path.of(""));
            for (Path patch : patches) {
                if (isEmpty(patch)) {
                    continue;
                }
                String name = patch.toAbsolutePath().getParent().getFileName().toString();
                try {
                    git.run("apply", "--index", "--whitespace=nowarn", patch.toAbsolutePath().toString());
                } catch (CeException e) {
                    throw new CeException(ErrorCode.CONFLICT, "The changes of " + name + " (" + patch + ") do not "
                            + "apply to the code of the jobs before: " + e.getMessage(),
                            "Two tasks changed the same lines: declare the files each task writes in the plan, "
                                    + "so PCE never runs such tasks at once.");
                }
                git.run("-c", "user.name=PCE", "-c", "user.email=pce@localhost", "commit", "--quiet",
                        "--no-verify", "-m", name);
                streams.out().println("applied " + name);
            }
            streams.out().flush();
            return 0;
        }
    }

    private static boolean isEmpty(Path patch) {
        try {
            return Files.size(patch) == 0;
        } catch (IOException e) {
            throw ioFailure("read the patch " + patch, e);
        }
    }

    /** The workflow whose event log a state holds, and the workspace it is in: what save and restore share. */
    static final class WorkflowLog {
        @Mixin
        WorkspaceOption workspaceOption = new WorkspaceOption();

        @Option(names = "--workflow", required = true, paramLabel = "ID", description = "The workflow.")
        String id;

        Path eventsFile() {
            Workspace workspace = workspaceOption.open();
            return workspace.eventsFile(Ids.requireWorkflowId(id, "--workflow"));
        }
    }

    /** A file operation's failure as an error a user can act on. */
    private static CeException ioFailure(String what, IOException e) {
        return new CeException(ErrorCode.IO, "Cannot " + what + ": " + e.getMessage(),
                "Check that the files exist and can be written.", e);
    }
}
