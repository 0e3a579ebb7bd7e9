import {
  NodeConnectionTypes,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';

/**
 * Stand-ins for n8n's own Manual Trigger and Schedule Trigger (`n8n-nodes-base`), which this
 * package cannot install: n8n-nodes-base's dependency tree is not a dependency of a community
 * package. Inside n8n the real nodes start the example workflows; in the demo these stand-ins
 * are registered under the same type names so the exported workflows run unchanged, and the
 * demo starts them by hand. Each outputs one item, as the real node does when it fires; n8n's
 * engine replaces that with the node's pinned data when the workflow has some.
 */

export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';
export const SCHEDULE_TRIGGER_TYPE = 'n8n-nodes-base.scheduleTrigger';

/** Manual Trigger: one empty item, as n8n gives when "Execute workflow" is clicked. */
export class ManualTriggerStandIn implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Manual Trigger (demo stand-in)',
    name: 'manualTrigger',
    group: ['trigger', 'input'],
    version: 1,
    description: 'Starts the workflow by hand',
    defaults: { name: 'When clicking "Execute workflow"' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    properties: [],
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return [[{ json: {} }]];
  }
}

/** Schedule Trigger: one item describing the moment it fired, as the real node outputs. */
export class ScheduleTriggerStandIn implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Schedule Trigger (demo stand-in)',
    name: 'scheduleTrigger',
    group: ['trigger', 'schedule'],
    version: [1, 1.1, 1.2],
    description: 'Starts the workflow on a schedule (the demo fires it by hand)',
    defaults: { name: 'Schedule Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    properties: [
      {
        displayName: 'Trigger Rules',
        name: 'rule',
        type: 'fixedCollection',
        typeOptions: { multipleValues: true },
        default: { interval: [{ field: 'days' }] },
        options: [
          {
            displayName: 'Trigger Interval',
            name: 'interval',
            values: [
              {
                displayName: 'Trigger Interval',
                name: 'field',
                type: 'options',
                default: 'days',
                options: [
                  { name: 'Seconds', value: 'seconds' },
                  { name: 'Minutes', value: 'minutes' },
                  { name: 'Hours', value: 'hours' },
                  { name: 'Days', value: 'days' },
                  { name: 'Weeks', value: 'weeks' },
                  { name: 'Months', value: 'months' },
                  { name: 'Custom (Cron)', value: 'cronExpression' },
                ],
              },
              { displayName: 'Trigger at Day', name: 'triggerAtDay', type: 'multiOptions', default: [0], options: dayOptions() },
              { displayName: 'Trigger at Hour', name: 'triggerAtHour', type: 'number', default: 0 },
              { displayName: 'Trigger at Minute', name: 'triggerAtMinute', type: 'number', default: 0 },
              { displayName: 'Expression', name: 'expression', type: 'string', default: '' },
            ],
          },
        ],
      },
    ],
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const now = new Date();
    const zone = this.getTimezone();
    return [
      [
        {
          json: {
            timestamp: now.toISOString(),
            'Readable date': now.toLocaleString('en-GB', { timeZone: zone, dateStyle: 'long' }),
            'Readable time': now.toLocaleString('en-GB', { timeZone: zone, timeStyle: 'medium' }),
            'Day of week': now.toLocaleString('en-GB', { timeZone: zone, weekday: 'long' }),
            Timezone: zone,
          },
        },
      ],
    ];
  }
}

function dayOptions(): Array<{ name: string; value: number }> {
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((name, value) => ({ name, value }));
}
