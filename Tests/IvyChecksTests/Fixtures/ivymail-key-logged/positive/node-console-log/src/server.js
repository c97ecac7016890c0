require("dotenv").config();
const express = require("express");

const app = express();
console.log("Starting with IvyMail key", process.env.IVYMAIL_API_KEY);
app.listen(process.env.PORT || 3000);
