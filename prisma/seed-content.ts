// Seed content: only facts from the agency's public material (../shared/content/
// migri-public-facts.md). Where a fact is not public, a neutral placeholder is written and the
// unit is flagged "needs review"; contact, location and head stay empty rather than guessed.
// Texts are written in English (their source language); Finnish and Swedish texts appear only
// where the agency's own wording is public. Nothing here is machine-translated.

type Lang = "fi" | "sv" | "en";

export const profile = {
  shortName: "Migri",
  sourceLang: "en" as Lang,
  directorGeneralName: "Ilkka Haahtela",
  directorGeneralTermStart: "2022-09-26",
  directorGeneralTermEnd: "2027-09-25",
  strategyPeriodStart: 2023,
  strategyPeriodEnd: 2027,
  strategyPublishedOn: "2023-02-07",
  staffCount: 1300,
  staffCountYear: 2023,
  headOffice: "Pasila office centre, Opastinsilta 12 A, Helsinki",
};

/** Organisation texts by key and language; list-valued keys are arrays. */
export const organisationTexts: Record<string, Partial<Record<Lang, string | string[]>>> = {
  agencyName: {
    en: "Finnish Immigration Service",
    fi: "Maahanmuuttovirasto",
    sv: "Migrationsverket",
  },
  missionLine: { en: "for customers and for society" },
  whatWeDo: {
    en:
      "The Finnish Immigration Service makes permit decisions in matters related to immigration, asylum, " +
      "refugee status and citizenship, and runs the reception system of Finland. It is responsible for the " +
      "reception system for persons applying for international protection, the detention units for foreign " +
      "nationals and the Assistance system for victims of human trafficking. It operates under the " +
      "supervision of the Ministry of the Interior and the Ministry of Economic Affairs and Employment.",
  },
  ambition: {
    en:
      "Our goal is to run Europe's most efficient permit services and to make the reception of people " +
      "seeking protection systematic and efficient.",
  },
  agencyDuties: {
    en: [
      "Grants residence permits (students, employees, self-employed people, returnees, family members)",
      "Registers EU citizens' right of residence and issues residence cards to their family members",
      "Processes asylum applications from the asylum interview to the decision",
      "Guides, directs and plans the reception of asylum seekers and beneficiaries of temporary protection",
      "Issues alien's passports and refugee travel documents",
      "Decides on denial of admittance or stay and on deportation",
      "Decides citizenship applications and declarations and determines citizenship status",
      "Maintains the case management system for immigration affairs",
      "Produces information services",
      "Takes part in international cooperation",
    ],
  },
  strategyTitle: {
    en: "Organisational strategy of the Finnish Immigration Service 2023-2027",
  },
  strategySummary: {
    en:
      "The organisational strategy for 2023-2027 was published on 7 February 2023. Its vision is " +
      "customer-focused and people-centred services that contribute to a well-functioning society and " +
      "enhance Finland's competitiveness. The strategy is summed up in the agency's three values and five goals.",
  },
  strategyVision: {
    en: [
      "Customer-focused and people-centred services that contribute to a well-functioning society and enhance Finland's competitiveness",
      "Europe's most efficient permit services",
      "Systematic and efficient reception",
      "Better customer journeys in immigration together with other organisations",
    ],
    fi: ["Lupapalvelut ovat Euroopan sujuvimmat.", "Vastaanottotoiminta on suunnitelmallista ja tehokasta."],
  },
};

export const values: { key: string; texts: Partial<Record<Lang, string>> }[] = [
  { key: "reliable", texts: { en: "Reliable", fi: "Luotettava" } },
  { key: "open-and-transparent", texts: { en: "Open and transparent", fi: "Avoin" } },
  { key: "bold-and-proactive", texts: { en: "Bold and proactive", fi: "Rohkea" } },
];

export const goals: { key: string; texts: Partial<Record<Lang, string>> }[] = [
  {
    key: "quality",
    texts: {
      en: "Our work is of good quality, our processes are smooth and efficient and the way we work is predictable.",
      fi: "Toimintamme on laadukasta, sujuvaa ja ennakoitavaa",
    },
  },
  {
    key: "customer-experience",
    texts: { en: "The customer experience with us is excellent.", fi: "Asiakaskokemus on erinomainen" },
  },
  {
    key: "continuous-improvement",
    texts: {
      en: "We seek to continuously update and improve the way we work.",
      fi: "Kehitämme ja uudistamme toimintaamme jatkuvasti",
    },
  },
  {
    key: "networks",
    texts: {
      en: "We are active in networks and seek to achieve solutions.",
      fi: "Toimimme verkostoissa aktiivisesti ja ratkaisukeskeisesti",
    },
  },
  {
    key: "attractive-workplace",
    texts: {
      en: "We are an attractive workplace where the well-being of employees is seen to.",
      fi: "Olemme hyvinvoiva työyhteisö ja houkutteleva työpaikka",
    },
  },
];

export interface SeedUnit {
  slug: string;
  kind: "department" | "unit";
  name: string;
  summary: string;
  description: string;
  duties: string[];
  contactEmail?: string;
  head?: string;
  needsReview: boolean;
}

const PLACEHOLDER_SUMMARY = "A summary of this unit's work has not been published yet.";
const PLACEHOLDER_DESCRIPTION =
  "This page is a placeholder. The unit has not yet published a description of its work; " +
  "the unit's editor will review and complete it.";

function placeholderUnit(slug: string, name: string, duties: string[] = [], summary = PLACEHOLDER_SUMMARY): SeedUnit {
  return { slug, kind: "unit", name, summary, description: PLACEHOLDER_DESCRIPTION, duties, needsReview: true };
}

/** The 13 departments and units of the structure in force since 1 June 2024, in this order. */
export const units: SeedUnit[] = [
  {
    slug: "permit-and-citizenship-department",
    kind: "department",
    name: "Permit and Citizenship Department",
    summary: "Residence permits for work, study and family reasons, and citizenship applications.",
    description:
      "The Permit and Citizenship Department handles residence permits for work, study and family " +
      "reasons and citizenship applications. Its predecessor was the Permit and Nationality Unit, " +
      "which had nine service points.\n\nA fuller description has not been published yet.",
    duties: ["Residence permits for work, study and family reasons", "Citizenship applications"],
    head: "Pauliina Helminen",
    needsReview: true,
  },
  {
    slug: "department-for-international-protection",
    kind: "department",
    name: "Department for International Protection",
    summary: "Processes asylum applications from the asylum interview to the decision.",
    description:
      "The Department for International Protection processes asylum applications from the asylum " +
      "interview to the decision.\n\nA more detailed description has not been published yet.",
    duties: ["Processing asylum applications from the asylum interview to the decision"],
    needsReview: true,
  },
  {
    slug: "reception-services-department",
    kind: "department",
    name: "Reception Services Department",
    summary:
      "Guides, directs and plans the reception of asylum seekers and beneficiaries of temporary protection.",
    description:
      "The Reception Services Department guides, directs and plans the reception of asylum seekers and " +
      "beneficiaries of temporary protection, and runs the state-owned reception centres.\n\n" +
      "A fuller description has not been published yet.",
    duties: [
      "Guiding, directing and planning the reception of asylum seekers and beneficiaries of temporary protection",
      "Running the state-owned reception centres",
    ],
    needsReview: true,
  },
  {
    slug: "control-and-monitoring-department",
    kind: "department",
    name: "Control and Monitoring Department",
    summary: "Post-decision monitoring of residence permits and permit withdrawal processes.",
    description:
      "The Control and Monitoring Department, new in 2024, is responsible for post-decision monitoring " +
      "of residence permits and for permit withdrawal processes.\n\nA fuller description has not been published yet.",
    duties: ["Post-decision monitoring of residence permits", "Permit withdrawal processes"],
    needsReview: true,
  },
  {
    ...placeholderUnit("communications-unit", "Communications Unit"),
    contactEmail: "media@migri.fi",
  },
  placeholderUnit("customer-relations-unit", "Customer Relations Unit", ["Service points", "Customer service"]),
  placeholderUnit("digital-services-unit", "Digital Services Unit"),
  placeholderUnit("finance-and-administration-unit", "Finance and Administration Unit"),
  placeholderUnit("human-resources-unit", "Human Resources Unit"),
  placeholderUnit("information-services-and-performance-guidance-unit", "Information Services and Performance Guidance Unit", [
    "Information services",
    "Statistics",
  ]),
  placeholderUnit("legal-and-specialist-services-unit", "Legal and Specialist Services Unit", [
    "Legal and specialist services",
  ]),
  placeholderUnit("management-support", "Management Support"),
  placeholderUnit("security-unit", "Security Unit", ["Security matters", "Contingency planning"]),
];

/** Demo accounts, seeded only outside production (the names say they are demo people). */
export const demoAccounts: {
  email: string;
  name: string;
  role: "employee" | "unit_editor" | "hr_editor" | "admin";
  homeUnit?: string;
  editableUnits?: string[];
  /** Email of the immediate supervisor (who is responsible for the person's onboarding). */
  supervisor?: string;
  /** Start date as days before the first seeding (so a fresh demo always has a plan in progress). */
  startedDaysAgo?: number;
}[] = [
  { email: "admin@migri.example", name: "Demo Admin", role: "admin", homeUnit: "digital-services-unit" },
  { email: "hr@migri.example", name: "Demo HR Editor", role: "hr_editor", homeUnit: "human-resources-unit" },
  {
    email: "editor@migri.example",
    name: "Demo Unit Editor",
    role: "unit_editor",
    homeUnit: "digital-services-unit",
    editableUnits: ["digital-services-unit"],
  },
  { email: "manager@migri.example", name: "Demo Supervisor", role: "employee", homeUnit: "digital-services-unit" },
  {
    email: "newcomer@migri.example",
    name: "Demo Newcomer",
    role: "employee",
    homeUnit: "digital-services-unit",
    supervisor: "manager@migri.example",
    startedDaysAgo: 3,
  },
  { email: "manager2@migri.example", name: "Demo Supervisor Two", role: "employee", homeUnit: "customer-relations-unit" },
  {
    email: "newcomer2@migri.example",
    name: "Demo Newcomer Two",
    role: "employee",
    homeUnit: "customer-relations-unit",
    supervisor: "manager2@migri.example",
    startedDaysAgo: 10,
  },
];
