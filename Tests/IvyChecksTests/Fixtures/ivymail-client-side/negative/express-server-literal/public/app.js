fetch("/api/contact", { method: "POST" });
