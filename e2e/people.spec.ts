// People are shown by name, as the users page's Name hint promises, and the users page says when each last signed in.
import { createTestUser, newTestUser, signIn } from "@/lib/testing/auth";
import { expect, test } from "./fixtures";

test.describe("[PEOPLE]", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the board shows the signed-in person's name, and the users page each user's last sign-in", async ({ page, accounts, queryDb }) => {
    await queryDb(`UPDATE users SET name = 'Anneke de Vries' WHERE email = $1`, [accounts.admin.email]);
    await page.goto("/");
    await expect(page.getByTestId("user-name")).toHaveText("Anneke de Vries");
    await expect(page.getByTestId("user-name")).toHaveAttribute("title", accounts.admin.email);
    await page.goto("/settings/users");
    const row = page.getByTestId("user-row").filter({ hasText: accounts.admin.email });
    await expect(row.getByTestId("user-last-sign-in")).toHaveText(/^\d{1,2} \w{3} \d{4}, \d\d:\d\d$/);
  });
});

test.describe("[PEOPLE] last sign-in", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("keeps a user's last sign-in after they sign out, and says when someone never signed in", async ({ page, server }) => {
    const returning = newTestUser("viewer");
    const never = newTestUser("viewer");
    await createTestUser(server.database.url, returning);
    await createTestUser(server.database.url, never);
    const cookie = await signIn(server.baseUrl, returning.email, returning.password);
    const signOut = await fetch(`${server.baseUrl}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: server.baseUrl, "content-type": "application/json" }, body: "{}" });
    expect(signOut.status).toBe(200);

    await page.goto("/settings/users");
    const row = page.getByTestId("user-row").filter({ hasText: returning.email });
    await expect(row.getByTestId("user-last-sign-in")).toHaveText(/^\d{1,2} \w{3} \d{4}, \d\d:\d\d$/);
    await expect(page.getByTestId("user-row").filter({ hasText: never.email }).getByTestId("user-last-sign-in")).toHaveText("Not signed in");
  });
});
