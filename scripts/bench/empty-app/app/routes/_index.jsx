import { useLoaderData } from "@remix-run/react";

export const meta = () => [{ title: "Empty Remix page" }];

export function loader() {
  return { title: "Empty Remix page", intro: "One route, one loader, three strings.", footer: "Baseline" };
}

export default function Index() {
  const data = useLoaderData();
  return (
    <main>
      <h1>{data.title}</h1>
      <p>{data.intro}</p>
      <footer>{data.footer}</footer>
    </main>
  );
}
