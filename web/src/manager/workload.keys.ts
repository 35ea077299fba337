// The manager views' query key, in its own module so the live-update connection (part of the
// first screen) can refresh the workload without loading the manager pages' code.
export const workloadKey = ['workload'] as const;
