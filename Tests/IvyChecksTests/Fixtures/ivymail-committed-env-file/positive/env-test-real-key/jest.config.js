module.exports = { setupFiles: ['dotenv/config'] };
