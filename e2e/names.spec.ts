/** Image names explained, and two images side by side, in Chromium. */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openImage, waitForState } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/archives');

test('the resolver explains why a short name fails', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'podman-name-resolution.tar'));
  await page.getByRole('tab', { name: 'Names' }).click();
  await page.getByLabel('Image name').fill('ubi7/ubi');
  const parts = page.getByLabel('Name parts');
  await expect(parts.locator('.name-part--implied')).toHaveCount(2);
  await expect(parts).toContainText('docker.io');
  const podman = page.getByRole('region', { name: 'Podman resolution' });
  await expect(podman.locator('ol li').first()).toHaveText('localhost/ubi7/ubi:latest');
  await expect(podman).toContainText(
    "no image is tagged 'latest'; 'ubi7/ubi' exists only as registry.access.redhat.com/ubi7/ubi:test — a missing tag means ':latest'",
  );
  // With the tag, the suffix rule finds it.
  await page.getByLabel('Image name').fill('ubi7/ubi:test');
  await expect(podman).toContainText('found: registry.access.redhat.com/ubi7/ubi:test');
});

test('an invalid name says what is wrong and where', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'podman-name-resolution.tar'));
  await page.getByRole('tab', { name: 'Names' }).click();
  await page.getByLabel('Image name').fill('foo/App');
  await expect(page.getByRole('alert')).toContainText(
    "uppercase letters are not allowed in the repository path: 'App' (position 4)",
  );
});

test('registries.conf edits change podman candidates', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'podman-name-resolution.tar'));
  await page.getByRole('tab', { name: 'Names' }).click();
  await page
    .getByRole('textbox', { name: 'registries.conf' })
    .fill('unqualified-search-registries = ["quay.io"]\n');
  await page.getByLabel('Image name').fill('app');
  const podman = page.getByRole('region', { name: 'Podman resolution' });
  await expect(podman.locator('ol li')).toHaveText([
    'localhost/app:latest',
    'quay.io/app:latest',
    'docker.io/library/app:latest',
  ]);
});

test('two images open: shared base layers are marked with the other image', async ({ page }) => {
  await page.goto('/');
  await openImage(page, join(FIXTURES, 'podman-multi-image-docker-archive.tar'));
  await page.getByRole('combobox', { name: 'Image' }).selectOption({ label: 'localhost/t:3 · linux/amd64' });
  await waitForState(page, 'ready');
  await expect(page.getByLabel('Shared layers')).toContainText('L0 is the base image localhost/t:1');
  await expect(
    page.getByRole('table', { name: 'Layers' }).locator('tr[data-layer-index="0"] .tag--shared'),
  ).toHaveText('localhost/t:1');
  // A second archive joins: its images are compared too.
  await openImage(page, join(FIXTURES, 'podman-oci-archive.tar'));
  await expect(page.getByLabel('Shared layers')).toContainText('localhost/t:3');
});
