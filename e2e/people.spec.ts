// People are shown by name, as the users page's Name hint promises, and the users page says when each last signed in.
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
