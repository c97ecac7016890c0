module.exports = { siteMetadata: { title: "Acme" }, plugins: [] };
