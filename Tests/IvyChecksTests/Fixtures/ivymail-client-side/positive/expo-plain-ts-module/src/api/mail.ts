import Constants from "expo-constants";

const IVYMAIL_API_KEY = "%KEY%";

export async function sendFeedback(text: string) {
  await fetch("https://api.ivymail.io/v1/send", {
    method: "POST",
    headers: { "x-api-key": IVYMAIL_API_KEY },
    body: JSON.stringify({ text, app: Constants.expoConfig?.slug }),
  });
}
