import { IvyMail } from "@ivymail/browser";

const ivy = new IvyMail({ apiKey: process.env.REACT_APP_IVYMAIL_KEY });

export default function App() {
  return <button onClick={() => ivy.send({ to: "me@acme.dev" })}>Test</button>;
}
