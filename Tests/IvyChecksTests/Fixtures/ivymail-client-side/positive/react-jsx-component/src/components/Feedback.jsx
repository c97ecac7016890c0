import { useState } from "react";

const IVYMAIL_API_KEY = "%KEY%";

export function Feedback() {
  const [text, setText] = useState("");
  const send = () =>
    fetch("https://api.ivymail.io/v1/send", { method: "POST", headers: { "x-api-key": IVYMAIL_API_KEY }, body: text });
  return <textarea onBlur={send} onChange={(e) => setText(e.target.value)} />;
}
