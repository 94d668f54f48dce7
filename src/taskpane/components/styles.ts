/** Styles several views share, for makeStyles: the same look written once. */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

/** A section's heading (Timeline, Clusters, Meetings, Proposed timeline). */
export const SECTION_HEADING: GriffelStyle = {
  margin: 0,
  fontSize: tokens.fontSizeBase400,
  lineHeight: tokens.lineHeightBase400,
  fontWeight: tokens.fontWeightSemibold,
};

/** A native check box in the theme's accent colour. */
export const CHECK_BOX: GriffelStyle = {
  width: "16px",
  height: "16px",
  margin: 0,
  accentColor: tokens.colorBrandBackground,
};

/** Read by screen readers, not seen. */
export const VISUALLY_HIDDEN: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};
