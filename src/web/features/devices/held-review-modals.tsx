import { Alert, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { heldPunchBulkReviewRequest, heldPunchReviewRequest, type Device } from '../../../contracts/attendance-devices';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { useReviewHeldPunch, useReviewHeldPunches, type HeldPunch, type HeldPunchReviewRequest, type HeldPunchReviewResult } from './devices-api';

export type Decision = 'accept' | 'dismiss';

/** Accepting takes an optional note, dismissing a required reason: the body both review contracts share. */
const decisionBody = (decision: Decision, text: string): HeldPunchReviewRequest => (decision === 'accept' ? { decision, note: text.trim() || null } : { decision, reason: text });

interface ReviewDecisionFormProps<B> {
  title: string;
  intro: string;
  decision: Decision;
  /** Prefix of the data-testid values: `<prefix>-text`, `<prefix>-confirm`. */
  testIdPrefix: string;
  schema: z.ZodType;
  bodyOf: (text: string) => B;
  send: (body: B, onSuccess: (result: HeldPunchReviewResult) => void) => void;
  mutation: { error: Error | null; isPending: boolean };
  onClose: () => void;
  /** Fields shown between the intro and the note (the range review's decision and dates). */
  children?: (fieldErrors: FormErrors) => ReactNode;
}

/**
 * One review decision, for a single punch or a device's date range: the note or reason, checked
 * against the contract before it is sent, and the cancel/confirm bar coloured by the decision.
 */
function ReviewDecisionForm<B>({ title, intro, decision, testIdPrefix, schema, bodyOf, send, mutation, onClose, children }: ReviewDecisionFormProps<B>) {
  const t = useT();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const fieldErrors = { ...serverFieldErrors(mutation.error), ...errors };
  const isAccept = decision === 'accept';
  return (
    <FormModal title={title} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const body = bodyOf(text);
          const found = validateWithSchema(schema, body, t);
          setErrors(found);
          if (Object.keys(found).length > 0) return;
          send(body, (result) => {
            notifications.show({
              color: 'teal',
              message: t('attendanceAdmin.held.reviewed', { reviewed: result.reviewed, counted: result.counted, unknownPin: result.unknownPin, dismissed: result.dismissed, skipped: result.skippedFuture }),
            });
            onClose();
          });
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">{intro}</Text>
          {mutation.error && Object.keys(serverFieldErrors(mutation.error)).length === 0 && (
            <Alert color="red" role="alert">
              {mutation.error.message}
            </Alert>
          )}
          {children?.(fieldErrors)}
          <Textarea
            label={t(isAccept ? 'attendanceAdmin.held.note' : 'attendanceAdmin.held.dismissReason')}
            required={!isAccept}
            autosize
            minRows={2}
            maxLength={500}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={fieldErrors[isAccept ? 'note' : 'reason']}
            data-testid={`${testIdPrefix}-text`}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" color={isAccept ? 'teal' : 'red'} loading={mutation.isPending} data-testid={`${testIdPrefix}-confirm`}>
              {t(isAccept ? 'attendanceAdmin.held.accept' : 'attendanceAdmin.held.dismiss')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

/** Accept (note optional) or dismiss (reason required) one punch held for an implausible time. */
export function ReviewPunchModal({ punch, decision, onClose }: { punch: HeldPunch; decision: Decision; onClose: () => void }) {
  const t = useT();
  const review = useReviewHeldPunch();
  const isAccept = decision === 'accept';
  return (
    <ReviewDecisionForm
      title={t(isAccept ? 'attendanceAdmin.held.acceptTitle' : 'attendanceAdmin.held.dismissTitle', { pin: punch.pin, time: punch.localTime })}
      intro={t(isAccept ? 'attendanceAdmin.held.acceptText' : 'attendanceAdmin.held.dismissText')}
      decision={decision}
      testIdPrefix="held-review"
      schema={heldPunchReviewRequest}
      bodyOf={(text) => decisionBody(decision, text)}
      send={(body, onSuccess) => review.mutate({ id: punch.id, ...body }, { onSuccess })}
      mutation={review}
      onClose={onClose}
    />
  );
}

/** One decision for every implausible-time punch of a device in a date range (a clock that ran wrong for days). */
export function ReviewRangeModal({ device, onClose }: { device: Device; onClose: () => void }) {
  const t = useT();
  const review = useReviewHeldPunches();
  const [decision, setDecision] = useState<Decision>('dismiss');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  return (
    <ReviewDecisionForm
      title={t('attendanceAdmin.held.reviewRangeTitle', { device: `${device.name} (${device.serialNumber})` })}
      intro={t('attendanceAdmin.held.reviewRangeText')}
      decision={decision}
      testIdPrefix="held-range"
      schema={heldPunchBulkReviewRequest}
      bodyOf={(text) => ({ ...decisionBody(decision, text), deviceId: device.id, from: from ?? '', to: to ?? '' })}
      send={(body, onSuccess) => review.mutate(body, { onSuccess })}
      mutation={review}
      onClose={onClose}
    >
      {(fieldErrors) => (
        <>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('attendanceAdmin.held.decision')}
            </Text>
            <SegmentedControl
              value={decision}
              onChange={(value) => setDecision(value === 'accept' ? 'accept' : 'dismiss')}
              data={[
                { value: 'dismiss', label: t('attendanceAdmin.held.dismiss') },
                { value: 'accept', label: t('attendanceAdmin.held.accept') },
              ]}
              data-testid="held-range-decision"
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <DateField label={t('attendanceAdmin.held.rangeFrom')} required value={from} onChange={setFrom} error={fieldErrors.from} data-testid="held-range-from" />
            <DateField label={t('attendanceAdmin.held.rangeTo')} required value={to} onChange={setTo} error={fieldErrors.to} data-testid="held-range-to" />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t(decision === 'accept' ? 'attendanceAdmin.held.acceptText' : 'attendanceAdmin.held.dismissText')}
          </Text>
        </>
      )}
    </ReviewDecisionForm>
  );
}
