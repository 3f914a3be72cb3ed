// Seed content: only facts from the agency's public material (its website and annual
// reports), never invented ones. Where a fact is not public, a neutral placeholder is written and the
// unit is flagged "needs review"; contact, location and head stay empty rather than guessed.
// Texts are written in English (their source language); Finnish and Swedish texts appear only
// where the agency's own wording is public. Nothing here is machine-translated.

import type { Lang } from "~/i18n";

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
    summary: "Guides, directs and plans the reception of asylum seekers and beneficiaries of temporary protection.",
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
  placeholderUnit(
    "information-services-and-performance-guidance-unit",
    "Information Services and Performance Guidance Unit",
    ["Information services", "Statistics"],
  ),
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
  {
    email: "manager2@migri.example",
    name: "Demo Supervisor Two",
    role: "employee",
    homeUnit: "customer-relations-unit",
  },
  {
    email: "newcomer2@migri.example",
    name: "Demo Newcomer Two",
    role: "employee",
    homeUnit: "customer-relations-unit",
    supervisor: "manager2@migri.example",
    startedDaysAgo: 10,
  },
];

// -- onboarding --
/**
 * Agency-wide onboarding steps. Neutral wording about what every newcomer does; nothing here
 * states an agency fact beyond the public ones (OSH Act 738/2002 s.14, the state's "Tervetuloa
 * valtiolle" programme on eOppiva, a trial period of up to six months). `key` is only the seed's
 * handle for the demo progress below; HR editors may change or remove any of these steps.
 */
export interface SeedStep {
  key: string;
  dueRule: "first_day" | "first_week" | "first_month" | "trial_period";
  position: number;
  contentPath?: string;
  acknowledges?: "values" | "goals" | "strategy";
  texts: Partial<Record<Lang, { title: string; description?: string }>>;
}

export const onboardingSteps: SeedStep[] = [
  {
    key: "meet-supervisor",
    dueRule: "first_day",
    position: 1,
    texts: {
      en: {
        title: "Meet your supervisor",
        description:
          "Your immediate supervisor is responsible for your onboarding (Occupational Safety and Health Act 738/2002, section 14). Agree together on how your first weeks will go.",
      },
      fi: {
        title: "Tapaa esihenkilösi",
        description:
          "Lähin esihenkilösi vastaa perehdytyksestäsi (työturvallisuuslaki 738/2002, 14 §). Sopikaa yhdessä, miten ensimmäiset viikkosi etenevät.",
      },
      sv: {
        title: "Träffa din chef",
        description:
          "Din närmaste chef ansvarar för din introduktion (arbetarskyddslagen 738/2002, 14 §). Kom överens om hur dina första veckor ska se ut.",
      },
    },
  },
  {
    key: "read-strategy",
    dueRule: "first_week",
    position: 1,
    contentPath: "/strategy",
    acknowledges: "strategy",
    texts: {
      en: {
        title: "Read the strategy",
        description: "Read the agency's strategy and confirm on the page that you have read and understood it.",
      },
      fi: {
        title: "Lue viraston strategia",
        description: "Lue viraston strategia ja vahvista sivulla, että olet lukenut ja ymmärtänyt sen.",
      },
      sv: {
        title: "Läs myndighetens strategi",
        description: "Läs myndighetens strategi och bekräfta på sidan att du har läst och förstått den.",
      },
    },
  },
  {
    key: "read-values",
    dueRule: "first_week",
    position: 2,
    contentPath: "/values",
    acknowledges: "values",
    texts: {
      en: {
        title: "Read our values",
        description: "Read our three values and confirm on the page that you have read and understood them.",
      },
      fi: {
        title: "Lue arvomme",
        description: "Lue kolme arvoamme ja vahvista sivulla, että olet lukenut ja ymmärtänyt ne.",
      },
      sv: {
        title: "Läs våra värderingar",
        description: "Läs våra tre värderingar och bekräfta på sidan att du har läst och förstått dem.",
      },
    },
  },
  {
    key: "read-goals",
    dueRule: "first_week",
    position: 3,
    contentPath: "/goals",
    acknowledges: "goals",
    texts: {
      en: {
        title: "Read our goals",
        description: "Read our five goals and confirm on the page that you have read and understood them.",
      },
      fi: {
        title: "Lue tavoitteemme",
        description: "Lue viisi tavoitettamme ja vahvista sivulla, että olet lukenut ja ymmärtänyt ne.",
      },
      sv: {
        title: "Läs våra mål",
        description: "Läs våra fem mål och bekräfta på sidan att du har läst och förstått dem.",
      },
    },
  },
  {
    key: "explore-unit",
    dueRule: "first_week",
    position: 4,
    contentPath: "/units",
    texts: {
      en: {
        title: "Explore your unit",
        description:
          "Find your own unit among the departments and units, and see what it does and where it sits in the organisation.",
      },
      fi: {
        title: "Tutustu yksikköösi",
        description:
          "Etsi oma yksikkösi osastojen ja yksiköiden joukosta ja katso, mitä se tekee ja mihin se sijoittuu organisaatiossa.",
      },
      sv: {
        title: "Bekanta dig med din enhet",
        description:
          "Hitta din egen enhet bland avdelningarna och enheterna och se vad den gör och var den finns i organisationen.",
      },
    },
  },
  {
    key: "tervetuloa-valtiolle",
    dueRule: "first_month",
    position: 1,
    texts: {
      en: {
        title: "Complete the state's “Tervetuloa valtiolle” onboarding programme on eOppiva",
        description:
          "State agencies share an onboarding programme for new staff, “Tervetuloa valtiolle”, on the state's eOppiva learning platform.",
      },
      fi: {
        title: "Suorita valtion yhteinen Tervetuloa valtiolle -perehdytysohjelma eOppivassa",
        description:
          "Valtion virastoilla on uusille työntekijöille yhteinen perehdytysohjelma, Tervetuloa valtiolle, valtion eOppiva-oppimisalustalla.",
      },
      sv: {
        title: "Gå igenom statens gemensamma introduktionsprogram ”Tervetuloa valtiolle” på eOppiva",
        description:
          "De statliga myndigheterna har ett gemensamt introduktionsprogram för nyanställda, ”Tervetuloa valtiolle”, på statens lärplattform eOppiva.",
      },
    },
  },
  {
    key: "review-onboarding",
    dueRule: "trial_period",
    position: 1,
    texts: {
      en: {
        title: "Review your onboarding with your supervisor",
        description:
          "Before your trial period ends (it can last up to six months), go through your onboarding with your supervisor: what went well and what is still missing.",
      },
      fi: {
        title: "Käy perehdytyksesi läpi esihenkilösi kanssa",
        description:
          "Käy ennen koeajan päättymistä (se voi kestää enintään kuusi kuukautta) perehdytyksesi läpi esihenkilösi kanssa: mikä onnistui ja mitä vielä puuttuu.",
      },
      sv: {
        title: "Gå igenom din introduktion med din chef",
        description:
          "Gå igenom din introduktion med din chef innan prövotiden tar slut (den kan vara högst sex månader): vad som gick bra och vad som ännu saknas.",
      },
    },
  },
];

/** A placeholder step for one unit, flagged as such, until the unit's editor writes its own. */
export const onboardingUnitSteps: (SeedStep & { unit: string })[] = [
  {
    key: "digital-services-placeholder",
    unit: "digital-services-unit",
    dueRule: "first_month",
    position: 1,
    texts: {
      en: {
        title: "Your unit's own onboarding (placeholder)",
        description:
          "This step is a placeholder. The Digital Services Unit has not yet described its own onboarding steps; the unit's editor will review and replace it.",
      },
    },
  },
];

/** Demo progress (evaluation and development only): a plan in progress for each demo newcomer. */
export const demoOnboardingProgress: {
  email: string;
  steps: { key: string; status: "in_progress" | "completed" | "blocked"; blockedReason?: string }[];
}[] = [
  {
    email: "newcomer@migri.example",
    steps: [
      { key: "meet-supervisor", status: "completed" },
      { key: "read-strategy", status: "in_progress" },
    ],
  },
  {
    email: "newcomer2@migri.example",
    steps: [
      { key: "meet-supervisor", status: "completed" },
      { key: "explore-unit", status: "in_progress" },
      { key: "tervetuloa-valtiolle", status: "blocked", blockedReason: "Waiting for my eOppiva user account." },
    ],
  },
];
