document.querySelector("#contact").addEventListener("submit", async (e) => {
  e.preventDefault();
  await fetch("https://api.ivymail.io/v1/send", {
    method: "POST",
    headers: { "x-api-key": "%KEY%", "content-type": "application/json" },
    body: JSON.stringify({ to: "sales@acme.dev", subject: "Website contact" }),
  });
});
