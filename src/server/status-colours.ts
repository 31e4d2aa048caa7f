/** How a Status column is coloured, in a team's tracker and in the company's roll-up alike. */
import { STATUSES, type Status } from "../core/status";

/** Background and text colour of each status (a new status must choose its colours here); "No check-in yet" is
 * neutral grey: nothing is known yet. */
const STATUS_COLOURS: Record<Status, [string, string]> = {
  Done: ["#ceead6", "#0d652d"],
  "On track": ["#e6f4ea", "#137333"],
  "At risk": ["#fef7e0", "#b06000"],
  "Off track": ["#fce8e6", "#c5221f"],
  "No check-in yet": ["#f1f3f4", "#5f6368"],
};

/** One conditional format rule per status over `range`. */
export function statusColourRules(
  range: GoogleAppsScript.Spreadsheet.Range,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  return STATUSES.map((text) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(text)
      .setBackground(STATUS_COLOURS[text][0])
      .setFontColor(STATUS_COLOURS[text][1])
      .setRanges([range])
      .build(),
  );
}
