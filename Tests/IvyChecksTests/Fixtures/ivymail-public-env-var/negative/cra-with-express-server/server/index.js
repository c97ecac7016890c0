const express = require("express");
const app = express();
app.post("/api/contact", async (req, res) => {
  await fetch("https://api.ivymail.io/v1/send", {
    method: "POST",
    headers: { "x-api-key": process.env.IVYMAIL_API_KEY },
  });
  res.sendStatus(204);
});
app.listen(4000);
