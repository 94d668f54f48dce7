/**
 * The Sources table's rows as "create workbook" writes them (workbook.md): for every source id the
 * rules cite, the document it comes from and the sentences of that paragraph that ground the rule,
 * quoted exactly from the texts in shared/seeds (line breaks and words split by the text extraction
 * mended; "…" where words are left out). Apart from sources.ts, which reads the table, so that the
 * pane loads these texts only when it creates a workbook or adds the missing tables.
 */

export const PAPER = "Background paper: proposal for a multi-year workplan for the Working Group on Firearms";
export const REPORT =
  "Report on the meeting of the Working Group on Firearms held in Vienna from 10 to 12 May 2021 (CTOC/COP/WG.6/2021/4)";

const ANNEX_LEAD = "As such, the substantive agenda items of the combined workplan could be as follows:";
const ANNEX_ROWS =
  "2023 10th meeting … Topic 1: articles 3 (Use of terms) and 4 (Scope of application) … " +
  "2024 11th meeting … Topic 2: criminalization and effective criminal justice responses under the United Nations " +
  "Convention against Transnational Organized Crime and the Firearms Protocol … " +
  "2025 12th meeting … Topic 3: articles 6 (Confiscation, seizure and disposal) and 9 (Deactivation of firearms) … " +
  "2026 13th meeting … Topic 4: article 12 (Information) … 2027 14th meeting … Topic 5: article 13 (Cooperation) … " +
  "2028 15th meeting … Topic 6: articles 7 (Record-keeping) and 8 (Marking) … 2029 16th meeting … " +
  "Topic 7: article 10 (General requirements for export, import and transit licensing or authorization systems) … " +
  "2030 17th meeting … Topic 8: article 15 (Brokers and brokering) … 2031 18th meeting … " +
  "Topic 9: article 11 (Security and preventive measures) … 2032 19th meeting … " +
  "Topic 10: article 14 (Training and technical assistance)";
const SUGGESTED =
  "As suggested in the proposed multi-year workplan contained in the annex to the present background paper,";

/** Source id, document, text: the rows "create workbook" writes. */
export const ADOPTED_SOURCES: readonly (readonly [string, string, string])[] = [
  [
    "P§3",
    PAPER,
    "The workplan covers substantive elements of the work ahead and sequences and groups the provisions of the " +
      "Firearms Protocol for discussion in a logical order. … The aim of the workplan is to ensure that the Working " +
      "Group is able to consider the full range of commitments under the Firearms Protocol and establish a common " +
      "understanding of the interpretation and implementation of its provisions …",
  ],
  [
    "P§4",
    PAPER,
    "The agreed workplan would be a guiding document for future meetings of the Working Group. It would, however, " +
      "retain some flexibility to enable necessary adjustments, in view of the observations stemming from the " +
      "Mechanism for the Review of the Implementation of the United Nations Convention against Transnational " +
      "Organized Crime and the Protocols thereto … For example, delays in the review process may require the " +
      "shifting of the corresponding agenda items to later meetings of the Working Group in order to allow for a " +
      "synchronized discussion of the findings of the review process and the scope and implementation of the " +
      "provisions of the Firearms Protocol.",
  ],
  [
    "P§9",
    PAPER,
    "However, the Working Group has never dedicated a specific agenda item to the topic of brokers and " +
      `intermediaries in arms transfers. ${SUGGESTED} the topic could be discussed under the agenda item on the ` +
      "scope and implementation of article 15 of the Firearms Protocol, probably at the seventeenth meeting of the " +
      "Working Group, or could be broadened and addressed as a standalone topic under that heading.",
  ],
  [
    "P§10",
    PAPER,
    "A similar topic (preventing and combating the illicit manufacturing of and trafficking in ammunition) will " +
      "be discussed as agenda item 2 at the ninth meeting of the Working Group.",
  ],
  [
    "P§12",
    PAPER,
    "However, the Working Group has never dedicated a specific agenda item to the topics of marking and tracing. " +
      `${SUGGESTED} the topic could be discussed under the agenda item on the scope and implementation of ` +
      ("articles 8 and 12 of the Firearms Protocol, probably at the thirteenth and fifteenth meeting of the " +
        "Working Group."),
  ],
  [
    "P§13",
    PAPER,
    `${SUGGESTED} the topic could be discussed under the agenda item on the scope and implementation of ` +
      "article 13 of the Firearms Protocol, probably at the fourteenth meeting of the Working Group.",
  ],
  [
    "P§15",
    PAPER,
    "However, the Working Group has never dedicated a specific agenda item to different national experiences and " +
      "practices regarding the implementation and operationalization of national transfer control regimes. " +
      `${SUGGESTED} the topic could be discussed under the agenda item on the scope and implementation of ` +
      "article 10 of the Firearms Protocol, probably at the sixteenth meeting of the Working Group.",
  ],
  [
    "P§16",
    PAPER,
    "However, the Working Group has never dedicated a specific agenda item to the topic of national firearms focal " +
      "points. As suggested in the proposed multi-year workplan, the topic could be discussed under the agenda item " +
      "on the scope and implementation of article 13 of the Firearms Protocol, probably at the fourteenth meeting of " +
      "the Working Group.",
  ],
  [
    "P§17",
    PAPER,
    "To a large extent, the proposed multi-year workplan follows the structure of the Firearms Protocol. In some " +
      "cases, provisions of the Firearms Protocol are grouped under one topic if the provisions are interrelated " +
      "and if a discussion on both provisions could unveil synergies and interdependencies in their implementation.",
  ],
  [
    "P§18",
    PAPER,
    "Furthermore, the workplan takes into account the clustering of articles and the corresponding review " +
      "timelines in the context of the Implementation Review Mechanism. This means that the Working Group would " +
      "aim to build upon the outcomes of the Mechanism by discussing the provisions of the Firearms Protocol and " +
      "their implementation when, or shortly after, the provisions have been reviewed under the respective " +
      "thematic cluster of the Mechanism …",
  ],
  [
    "P§18(d)",
    PAPER,
    "(d) The topic of training and technical assistance (article 14 of the Protocol) would be addressed in depth " +
      "as the last topic under the workplan, as it is a cross-cutting topic that relates to all previously " +
      "discussed topics.",
  ],
  [
    "P§48",
    PAPER,
    "With regard to the flexible agenda item, the secretariat would propose, in preparation for future meetings " +
      "of the Working Group on Firearms, one of the topics from the above list (as described in section II above) " +
      "to the extended Bureau of the Conference of the Parties to the Organized Crime Convention for " +
      "consideration. The non-exclusive character of the list would allow for the flexibility to propose revised " +
      "or additional topics to the extended Bureau that may be deemed of particular priority at the time.",
  ],
  [
    "P§49",
    PAPER,
    "In contrast, the agenda item on the scope and implementation of the provisions of the Firearms Protocol (as " +
      "described in section III above) would be fixed. The timeline contained in the annex to the present paper " +
      "would become a guiding instrument for the work ahead. In case of delays in the review process or other " +
      "unforeseen circumstances, the secretariat of the Working Group may propose to the extended Bureau for " +
      "consideration an amendment of the timeline of the workplan, by rescheduling the topics in the workplan.",
  ],
  [
    "P§50(a)",
    PAPER,
    "(a) To draw, for the first substantive agenda item, a topic from the list of topics related to the Firearms " +
      "Protocol adopted by the Working Group on Firearms at its eighth meeting, while keeping abreast of upcoming " +
      "priorities that may require new topics to be added to the non-exclusive list;",
  ],
  [
    "P§50(b)",
    PAPER,
    "(b) To follow, for the second substantive agenda item, the order of topics and the timeline of the " +
      "multi-year workplan adopted by the Working Group at its ninth meeting, while monitoring the progress of the " +
      "review process in order to propose amendments, if necessary.",
  ],
  ["P-annex", PAPER, `${ANNEX_LEAD} … ${ANNEX_ROWS}`],
  ["P-annex table", PAPER, `${ANNEX_LEAD} … ${ANNEX_ROWS}`],
  [
    "R-rec 46",
    REPORT,
    "UNODC should prepare a proposal for a multi-year workplan for discussion and adoption at the ninth meeting of " +
      "the Working Group on Firearms. The workplan should follow a two-pronged approach, combining: (a) One agenda " +
      "item on the scope and implementation of certain provisions of the Firearms Protocol, supporting a common " +
      "understanding of those provisions; (b) One agenda item dedicated to specific topics and thematic priorities " +
      "related to the Firearms Protocol deemed of particular interest by the Working Group.",
  ],
  [
    "report §3",
    REPORT,
    "In its resolution 7/1, entitled “Strengthening the implementation of the United Nations Convention against " +
      "Transnational Organized Crime and the Protocols thereto”, the Conference decided that the Working Group on " +
      "Firearms would be a constant element of the Conference of the Parties, forwarding its reports and " +
      "recommendations to the Conference, and encouraged the Working Group to consider meeting on an annual basis, " +
      "as needed.",
  ],
];
