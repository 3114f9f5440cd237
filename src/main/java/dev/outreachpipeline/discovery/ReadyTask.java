package dev.outreachpipeline.discovery;

/**
 * A finished task that tasks_ready lists and task_get has not collected yet. The {@code tag} is ours,
 * echoed back (null when the task was posted without one); it says which query the task answers.
 */
public record ReadyTask(String id, String tag) {}
