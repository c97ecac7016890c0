// Shared hook for the signup widgets
'use client'

import { useCallback } from "react";
import { IvyMail } from "@ivymail/browser";

const ivy = new IvyMail({ apiKey: "%KEY%" });

export function useNewsletter() {
  return useCallback((email: string) => ivy.contacts.create({ email }), []);
}
