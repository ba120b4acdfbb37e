// Catalog freshness (更新周期, processes.md P6): a resource's update cycle and its freshness states.
export const updateCycles = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type UpdateCycle = (typeof updateCycles)[number];
export const freshnessStates = ['fresh', 'due', 'overdue', 'delinquent'] as const;
export type Freshness = (typeof freshnessStates)[number];
