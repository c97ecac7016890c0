const IVYMAIL_API_KEY = "%KEY%";

chrome.runtime.onMessage.addListener((msg) => {
  fetch("https://api.ivymail.io/v1/send", { method: "POST", headers: { "x-api-key": IVYMAIL_API_KEY }, body: JSON.stringify(msg) });
});
