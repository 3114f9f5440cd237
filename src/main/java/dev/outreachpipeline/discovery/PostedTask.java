package dev.outreachpipeline.discovery;

/**
 * One task of a task_post answer, in the order the tasks were posted.
 *
 * @param tag       our tag, echoed back in the task's {@code data} (null when it was posted without one)
 * @param taskId    the id to collect it with; DataForSEO assigns one even to rejected tasks
 * @param rejection null when the task was created (20100); otherwise why not, classified like any SERP failure
 */
public record PostedTask(String tag, String taskId, SerpOutcome rejection) {

    public boolean accepted() {
        return rejection == null;
    }
}
