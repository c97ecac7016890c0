// Server-only: never import this from a 'use client' component.
import "server-only";
import { IvyMail } from "@ivymail/node";

export const ivymail = new IvyMail({ apiKey: "%KEY%" });
