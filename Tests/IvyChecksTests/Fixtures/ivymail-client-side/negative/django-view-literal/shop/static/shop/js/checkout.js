fetch("/receipt/" + orderId, { method: "POST" });
