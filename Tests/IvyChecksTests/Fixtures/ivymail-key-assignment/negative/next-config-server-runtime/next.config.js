/** @type {import('next').NextConfig} */
module.exports = {
  serverRuntimeConfig: {
    ivymail: { apiKey: process.env.IVYMAIL_API_KEY, from: "web@acme.dev" },
  },
};
