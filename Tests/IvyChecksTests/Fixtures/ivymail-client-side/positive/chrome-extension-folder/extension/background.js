const IVYMAIL_API_KEY = "%KEY%";

chrome.runtime.onMessage.addListener(async (msg) => {
  if (msg.type === "send") {
    await fetch("https://api.ivymail.io/v1/send", {
      method: "POST",
      headers: { "x-api-key": IVYMAIL_API_KEY },
      body: JSON.stringify(msg.payload),
    });
  }
});
