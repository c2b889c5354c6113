import "server-only";

/** What each demo org sells and to whom: enough variety for a believable pipeline. */
export const DEMO_CATALOG: Record<string, { offers: string[]; customers: string[]; valueRange: [number, number] }> = {
  rendetalje: {
    offers: ["Weekly office cleaning", "Deep clean", "Window cleaning", "Move-out cleaning", "Stairwell cleaning", "Carpet care"],
    customers: [
      "Nordic Offices ApS",
      "Vesterbro Boligforening",
      "Lund & Co Advokater",
      "Klinik Østerbro",
      "Frederiksberg Centret",
      "Hansen Ejendomme",
      "Café Nørrebro",
      "DanBolig Aarhus",
      "Jensen Familie",
      "Tandlæge Sørensen",
    ],
    valueRange: [4_000, 180_000],
  },
  tekup: {
    offers: [
      "IT support subscription",
      "Microsoft 365 migration",
      "Network upgrade",
      "Custom integration",
      "Security audit",
      "Backup & recovery",
    ],
    customers: [
      "Maersk Supply Partner",
      "Roskilde Kommune",
      "Fynske Bank",
      "Vestas Service Hub",
      "Novo Lab Services",
      "Copenhagen Logistics",
      "Aalborg Maskinfabrik",
      "Danske Revision",
      "Odense Tech Park",
      "Grundfos Vendor",
    ],
    valueRange: [15_000, 650_000],
  },
  "foodtruck-fiesta": {
    offers: ["Summer party catering", "Wedding food truck", "Festival stand", "Corporate lunch", "School event", "Christmas dinner"],
    customers: [
      "Roskilde Festival",
      "Tivoli Events",
      "Carlsberg Byen",
      "Nielsen & Nielsen",
      "Copenhagen Business School",
      "Lego House Events",
      "Smørrebrød Society",
      "Bryllup Madsen",
      "Distortion Crew",
      "Novozymes HR",
    ],
    valueRange: [6_000, 120_000],
  },
  "atelier-lumiere": {
    offers: ["Refonte site web", "Identité visuelle", "Campagne digitale", "Application mobile", "Audit UX", "Vidéo de marque"],
    customers: [
      "Decathlon Lyon",
      "Maison Hermès Atelier",
      "Clinique du Parc",
      "École Polytechnique Alumni",
      "Startup Station F",
      "Olympique Club",
      "Laboratoire Santé Plus",
      "Luxe & Co",
      "Lycée Victor Hugo",
      "Sportif Paris",
    ],
    valueRange: [3_000, 95_000],
  },
  "saffron-systems": {
    offers: [
      "POS rollout",
      "Learning platform",
      "Clinic management system",
      "Hotel booking engine",
      "Payment integration",
      "Annual support",
    ],
    customers: [
      "Bharat Retail Mart",
      "Sunrise Public School",
      "Apollo Care Clinic",
      "Taj Residency Pune",
      "PayKaro Fintech",
      "Shree Textiles",
      "Lotus Hospitality",
      "Mumbai Learning Hub",
      "Kerala Ayurveda Centre",
      "Delhi Fresh Foods",
    ],
    valueRange: [50_000, 2_500_000],
  },
};

export const DEMO_SOURCES = ["Referral", "Website", "Inbound email", "Cold call", "Trade fair", "LinkedIn"];

export const DEMO_NEXT_STEPS: { type: "call" | "email" | "meeting" | "task"; details: string }[] = [
  { type: "call", details: "Call to confirm scope and budget" },
  { type: "email", details: "Send the revised proposal" },
  { type: "meeting", details: "On-site visit with the decision maker" },
  { type: "task", details: "Prepare the quote" },
  { type: "call", details: "Follow up on the proposal" },
  { type: "email", details: "Share references from similar customers" },
  { type: "meeting", details: "Negotiate terms" },
];

export const DEMO_OUTCOMES = [
  "Left a voicemail",
  "Interested, wants numbers",
  "Sent the brochure",
  "Agreed on next meeting",
  "Asked for a discount",
  "Needs approval from the board",
];
