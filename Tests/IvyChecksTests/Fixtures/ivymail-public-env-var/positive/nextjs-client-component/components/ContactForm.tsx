"use client";

import { useState } from "react";

export default function ContactForm() {
  const [email, setEmail] = useState("");
  async function submit() {
    await fetch("https://api.ivymail.io/v1/send", {
      method: "POST",
      headers: { "x-api-key": process.env.NEXT_PUBLIC_IVYMAIL_API_KEY!, "content-type": "application/json" },
      body: JSON.stringify({ to: "sales@acme.dev", from: email, subject: "Contact" }),
    });
  }
  return <button onClick={submit}>Send</button>;
}
