// Node worker that sends the newsletter; not part of the web bundle.
const IVYMAIL_API_KEY = "%KEY%";

module.exports = async function send(message) {
  return fetch("https://api.ivymail.io/v1/send", {
    method: "POST",
    headers: { "x-api-key": IVYMAIL_API_KEY },
    body: JSON.stringify(message),
  });
};
