const key = process.env.IVYMAIL_API_KEY ?? "";
console.info("IvyMail key loaded (ends in %s)", key.slice(-4));
console.info("IvyMail key length", process.env.IVYMAIL_API_KEY?.length);
