export default function Page() {
  return <form action="/api/subscribe" method="post"><input name="email" /></form>;
}
