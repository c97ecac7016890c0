const apiKey = import.meta.env.VITE_IVYMAIL_API_KEY as string;

export function subscribe(email: string) {
  return fetch("https://api.ivymail.io/v1/contacts", {
    method: "POST",
    headers: { "x-api-key": apiKey, "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
}
