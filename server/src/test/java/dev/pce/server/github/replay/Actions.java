package dev.pce.server.github.replay;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The actions a replay knows, by {@code owner/name}; any other {@code uses:} is refused before the run starts. */
final class Actions {
    private static final Map<String, Action> KNOWN = List.of(new Checkout(), new SetupJava(), new SetupNode(),
                    new UploadArtifact(), new DownloadArtifact(), new CacheRestore(), new CacheSave(),
                    new ClaudeCodeAction()).stream()
            .collect(Collectors.toMap(Action::name, Function.identity()));

    private Actions() {
    }

    /**
     * The action {@code uses} names ({@code owner/name@ref}).
     *
     * @throws IllegalArgumentException naming the known actions when this one is not replayed
     */
    static Action find(String uses) {
        int at = uses.indexOf('@');
        Action action = at < 0 ? null : KNOWN.get(uses.substring(0, at));
        if (action == null) {
            throw new IllegalArgumentException("unknown action '" + uses + "': the replay knows "
                    + KNOWN.keySet().stream().sorted().toList() + " (an action's effect must be written as a class "
                    + "of dev.pce.server.github.replay and registered in Actions)");
        }
        if (!action.replays(uses.substring(at + 1))) {
            throw new IllegalArgumentException("'" + uses + "': this version of " + action.name()
                    + " is not replayed (its documented behaviour differs from the one replayed)");
        }
        return action;
    }
}
