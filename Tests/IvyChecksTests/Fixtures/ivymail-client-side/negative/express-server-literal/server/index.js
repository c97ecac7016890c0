const express = require("express");
const app = express();
app.use(express.static("public"));
app.post("/api/contact", async (req, res) => {
  await fetch("https://api.ivymail.io/v1/send", { method: "POST", headers: { "x-api-key": "%KEY%" } });
  res.sendStatus(204);
});
app.listen(3000);
