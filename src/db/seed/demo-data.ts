import "server-only";

import type { NewOrganization } from "@/db/create-organization";
import type { Role } from "@/lib/permissions";

/** The demo: the three business units of the internal sales tracker, a French and an Indian org. */
export const DEMO_PASSWORD = "momentum-demo";

export type DemoPerson = { name: string; email: string };
export type DemoOrg = NewOrganization & {
  slug: string;
  sectors: string[];
  people: { admin: DemoPerson; manager: DemoPerson; reps: DemoPerson[] };
};

const da = { currency: "DKK", locale: "da-DK", timeZone: "Europe/Copenhagen", defaultTaxRateBp: 2500 } as const;

export const DEMO_ORGS: DemoOrg[] = [
  {
    name: "Rendetalje",
    slug: "rendetalje",
    ...da,
    saleNumberPrefix: "RS",
    sectors: ["Offices", "Property management", "Private homes", "Retail", "Healthcare"],
    people: {
      admin: { name: "Mette Hansen", email: "mette@momentum.demo" },
      manager: { name: "Jonas Nielsen", email: "jonas@rendetalje.demo" },
      reps: [
        { name: "Sofie Larsen", email: "sofie@rendetalje.demo" },
        { name: "Emil Jensen", email: "emil@rendetalje.demo" },
        { name: "Ida Pedersen", email: "ida@rendetalje.demo" },
      ],
    },
  },
  {
    name: "Tekup",
    slug: "tekup",
    ...da,
    saleNumberPrefix: "TK",
    sectors: ["Software", "Finance", "Public sector", "Manufacturing", "Logistics"],
    people: {
      admin: { name: "Lars Kristensen", email: "lars@tekup.demo" },
      manager: { name: "Mette Hansen", email: "mette@momentum.demo" },
      reps: [
        { name: "Freja Andersen", email: "freja@tekup.demo" },
        { name: "Oliver Madsen", email: "oliver@tekup.demo" },
        { name: "Clara Olsen", email: "clara@tekup.demo" },
      ],
    },
  },
  {
    name: "Foodtruck Fiesta",
    slug: "foodtruck-fiesta",
    ...da,
    saleNumberPrefix: "FF",
    sectors: ["Corporate events", "Weddings", "Festivals", "Private parties", "Schools"],
    people: {
      admin: { name: "Nanna Poulsen", email: "nanna@foodtruck.demo" },
      manager: { name: "Mikkel Thomsen", email: "mikkel@foodtruck.demo" },
      reps: [
        { name: "Mette Hansen", email: "mette@momentum.demo" },
        { name: "Anton Rasmussen", email: "anton@foodtruck.demo" },
        { name: "Laura Christiansen", email: "laura@foodtruck.demo" },
      ],
    },
  },
  {
    name: "Atelier Lumière",
    slug: "atelier-lumiere",
    currency: "EUR",
    locale: "fr-FR",
    timeZone: "Europe/Paris",
    defaultTaxRateBp: 2000,
    saleNumberPrefix: "AL",
    sectors: ["Tech", "Sport", "Luxe", "Santé", "Éducation"],
    people: {
      admin: { name: "Camille Dubois", email: "camille@atelier.demo" },
      manager: { name: "Julien Moreau", email: "julien@atelier.demo" },
      reps: [
        { name: "Léa Martin", email: "lea@atelier.demo" },
        { name: "Hugo Bernard", email: "hugo@atelier.demo" },
        { name: "Chloé Petit", email: "chloe@atelier.demo" },
      ],
    },
  },
  {
    name: "Saffron Systems",
    slug: "saffron-systems",
    currency: "INR",
    locale: "en-IN",
    timeZone: "Asia/Kolkata",
    defaultTaxRateBp: 1800,
    saleNumberPrefix: "SF",
    sectors: ["Retail", "Education", "Healthcare", "Hospitality", "Fintech"],
    people: {
      admin: { name: "Priya Sharma", email: "priya@saffron.demo" },
      manager: { name: "Arjun Mehta", email: "arjun@saffron.demo" },
      reps: [
        { name: "Ananya Iyer", email: "ananya@saffron.demo" },
        { name: "Rohan Gupta", email: "rohan@saffron.demo" },
        { name: "Kavya Reddy", email: "kavya@saffron.demo" },
      ],
    },
  },
];

export function demoMembers(org: DemoOrg): { person: DemoPerson; role: Role }[] {
  return [
    { person: org.people.admin, role: "admin" },
    { person: org.people.manager, role: "manager" },
    ...org.people.reps.map((person) => ({ person, role: "rep" as const })),
  ];
}
