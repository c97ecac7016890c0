// Expo Router API route: runs on the server, never in the app bundle.
const IVYMAIL_API_KEY = "%KEY%";

export async function POST(request: Request) {
  const body = await request.json();
  return fetch("https://api.ivymail.io/v1/send", {
    method: "POST",
    headers: { "x-api-key": IVYMAIL_API_KEY, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
