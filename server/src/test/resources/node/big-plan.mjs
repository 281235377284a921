// The plan both SDK scripts send to be cancelled midway: big enough (thousands of tasks, each writing one of 50
// files and depending on the task three before it) that planning it takes a while. Imported by
// node/streamable-http-protocol.mjs (TypeScriptHttpClientIT copies it beside the script) and
// typescript-sdk/client-checks.mjs (run in place, so it imports it from ../node/).

/** A ce_plan argument object with `tasks` tasks. */
export function bigPlan(tasks) {
    const kinds = ['design', 'implement', 'review'];
    return {
        goal: `${tasks} tasks`,
        tasks: Array.from({ length: tasks }, (_, i) => ({
            id: `t${i}`, title: `Task ${i}`, kind: kinds[i % 3], estimate: 5,
            writes: [`src/F${i % 50}.java`], ...(i >= 3 ? { depends_on: [`t${i - 3}`] } : {})
        }))
    };
}
