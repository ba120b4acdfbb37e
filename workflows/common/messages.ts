// Messages every case workflow answers. The API imports this file, never a workflow.
import { defineSignal } from '@temporalio/workflow';
import type { CalendarData } from './working-days.js';

/** The one calendar signal: the working-day calendar in force after the bureau published a year. */
export const calendarUpdatedSignal = defineSignal<[CalendarData]>('calendarUpdated');
