const express = require("express");
const { IvyMail } = require("@ivymail/node");

const ivymail = new IvyMail({ apiKey: process.env.IVYMAIL_API_KEY });
const app = express();
console.log(`Listening on ${process.env.PORT} in ${process.env.NODE_ENV} mode`);
app.listen(process.env.PORT);
