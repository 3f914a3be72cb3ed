// npm run user:create -- --email … --name … --role … [--unit <slug>] [--edits <slug,slug>]
// Creates a user (e.g. the first admin in production). The password is read from the
// USER_PASSWORD environment variable or asked for on the terminal, never taken as an argument
// (it would end up in shell history and process lists).
import { parseArgs } from "node:util";
import readline from "node:readline/promises";
import { createUser, EmailTakenError, newUserSchema } from "~/models/user.server";
import { translator } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { fieldErrors } from "~/utils/forms";
import { ROLES } from "~/models/permissions";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    unit: { type: "string" },
    edits: { type: "string" },
  },
});

async function askPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const password = await rl.question("Password (at least 12 characters): ");
  rl.close();
  return password;
}

async function main() {
  const unitId = async (slug: string) => {
    const unit = await prisma.unit.findUnique({ where: { slug } });
    if (!unit) throw new Error(`No unit with slug "${slug}"`);
    return unit.id;
  };
  const parsed = newUserSchema.safeParse({
    email: values.email,
    name: values.name,
    role: values.role,
    homeUnitId: values.unit ? await unitId(values.unit) : null,
    password: await askPassword(),
  });
  if (!parsed.success) {
    const en = translator("en");
    for (const [field, errors] of Object.entries(fieldErrors(parsed.error.issues)))
      for (const error of errors) console.error(`--${field}: ${en(error.key, error.params)}`);
    console.error(
      `Usage: npm run user:create -- --email EMAIL --name "NAME" --role ${ROLES.join("|")} [--unit SLUG] [--edits SLUG,SLUG]`,
    );
    process.exitCode = 2;
    return;
  }
  const editableUnitIds = await Promise.all((values.edits ?? "").split(",").filter(Boolean).map(unitId));
  try {
    const user = await createUser({ ...parsed.data, editableUnitIds }, null);
    console.log(`Created user ${user.email} (${user.role}), id ${user.id}.`);
  } catch (error) {
    if (error instanceof EmailTakenError) {
      console.error(`A user with the email ${parsed.data.email} already exists.`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

try {
  await main();
} finally {
  await prisma.$disconnect();
}
