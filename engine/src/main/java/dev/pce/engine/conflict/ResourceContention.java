package dev.pce.engine.conflict;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tasks that want to write overlapping files at the same time: those holding a live claim and those asking for
 * one. Contenders whose files overlap no other's are allowed (they simply proceed).
 *
 * @param contenders two or more, with distinct task ids, in the caller's order (outcomes keep it)
 */
public record ResourceContention(List<Contender> contenders) implements ConflictCase {

    public ResourceContention {
        contenders = List.copyOf(contenders);
        if (contenders.size() < 2) {
            throw new IllegalArgumentException("a resource contention needs at least two contenders, got "
                    + contenders.size() + "; a task alone in its files has nothing to contend with");
        }
        Set<String> ids = new HashSet<>();
        for (Contender contender : contenders) {
            if (!ids.add(contender.taskId())) {
                throw new IllegalArgumentException("task " + contender.taskId()
                        + " contends twice; list each task once");
            }
        }
    }

    public static ResourceContention of(Contender... contenders) {
        return new ResourceContention(List.of(contenders));
    }

    public Optional<Contender> contender(String taskId) {
        return contenders.stream().filter(c -> c.taskId().equals(taskId)).findFirst();
    }

    @Override
    public ConflictKind kind() {
        return ConflictKind.RESOURCE;
    }
}
