import Link from "next/link";
import { organization } from "@/domain/organization";
import { rightOfAccessStatements } from "@/domain/right-of-access";
import { PhoneLink } from "@/components/PhoneLink";
import { PRINTABLE_FORMS } from "@/domain/printable-forms";
import { ResponseCommitment } from "@/components/ResponseCommitment";

/** Public home page: how to ask Record Connect for copies of medical records (RULES.md §1, §4–§6). */
export default function HomePage() {
  return (
    <>
      <div className="hero">
        <h1>Request a copy of medical records</h1>
        <p className="lead">
          Patients of {organization.name}, and legal representatives acting for them, can ask Record Connect for
          copies of medical records here — online or with a paper form.
        </p>
        <ResponseCommitment />
        {/* Two doors (issue 17): the patient's own right of access, and an authorization to send records elsewhere. */}
        <div className="actions">
          <Link className="button" href="/request/own">
            Get my own records
          </Link>
          <Link className="button" href="/request">
            Send records to someone else
          </Link>
          <a className="button-secondary" href="#paper-form">
            Use a paper form instead
          </a>
          <Link className="button-secondary" href="/portal">
            Check on a request
          </Link>
        </div>
      </div>

      <section className="notice notice-info" aria-labelledby="mychart-heading">
        <h2 id="mychart-heading" className="notice-title">
          You may not need to make a request
        </h2>
        <p>
          Some of your information is already available in the patient portal, <strong>MyChart</strong>: for
          example test results, visit summaries and immunizations.{" "}
          <a href={organization.patientPortalUrl}>Sign in to {organization.patientPortalName}</a> to see, download or print it.
        </p>
      </section>

      <nav className="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">On this page</h2>
        <ul>
          <li>
            <a href="#how-to-request">How to request records</a>
          </li>
          <li>
            <a href="#right-of-access">Your right to your own records</a>
          </li>
          <li>
            <a href="#not-handled">Requests we can’t handle here</a>
          </li>
          <li>
            <a href="#who-may-request">Who can make a request</a>
          </li>
          <li>
            <a href="#delivery">How you receive the records</a>
          </li>
          <li>
            <a href="#timing">How long it takes</a>
          </li>
          <li>
            <a href="#fees">Fees and payment</a>
          </li>
          <li>
            <a href="#questions">Questions</a>
          </li>
        </ul>
      </nav>

      <section className="section" aria-labelledby="how-to-request">
        <h2 id="how-to-request">How to request records</h2>
        <p>Choose what you want to do. Both work on a phone or a computer; you upload a photo of your ID.</p>
        <ul className="card-grid">
          <li className="card card-primary">
            <h3>Get my own records</h3>
            <p>
              For the patient, or a parent, guardian or other personal representative asking for the patient. Your complete record by default,
              as a PDF, the full electronic export or paper. No reason, no expiry date, no initials: it is your right. You see the fee and the
              date to expect them before you send.
            </p>
            <p>
              <Link className="button" href="/request/own">
                Get my own records
              </Link>
            </p>
          </li>
          <li className="card card-primary">
            <h3>Send records to someone else</h3>
            <p>
              To another doctor, an attorney, an insurer or anyone else: the patient (or their legal representative) signs an Authorization for
              Release of Health Information naming them.
            </p>
            <p>
              <Link className="button" href="/request">
                Send records to someone else
              </Link>
            </p>
            <p>
              An attorney, insurer or other organisation asking for a patient&apos;s records?{" "}
              <Link href="/request/third-party">Request a patient&apos;s records for your organisation</Link>: we e-mail the patient to sign online.
            </p>
          </li>
          <li className="card" id="paper-form">
            <h3>By paper form</h3>
            <p>
              Print the form, fill it in and sign it, then send it back to Record Connect <strong>by mail or by fax</strong>,
              following the instructions on the form.
            </p>
            <p>
              <a href={PRINTABLE_FORMS.ownRecords.path}>{PRINTABLE_FORMS.ownRecords.linkText}</a>
            </p>
            <p>
              <a href={PRINTABLE_FORMS.authorization.path}>{PRINTABLE_FORMS.authorization.linkText}</a>
            </p>
          </li>
        </ul>
      </section>

      <section className="section" aria-labelledby="right-of-access">
        <h2 id="right-of-access">Your right to your own records</h2>
        <ul>
          <li>{rightOfAccessStatements.what}</li>
          <li>{rightOfAccessStatements.form}</li>
          <li>{rightOfAccessStatements.speed}</li>
          <li>{rightOfAccessStatements.cost}</li>
          <li>{rightOfAccessStatements.notes}</li>
          <li>
            {rightOfAccessStatements.complaint} <a href={organization.hhsOcrComplaintUrl}>How to file a complaint with HHS</a>.
          </li>
        </ul>
      </section>

      <section className="section" aria-labelledby="not-handled">
        <h2 id="not-handled">Requests we can’t handle here</h2>
        <ul>
          <li>
            <strong>Edward-Elmhurst Healthcare records.</strong> {organization.name} cannot release records from
            Edward-Elmhurst Healthcare. Please contact Edward-Elmhurst Healthcare directly.
          </li>
          <li>
            <strong>Sending records to {organization.name} from another doctor or hospital.</strong> This site only
            releases records that {organization.name} holds. To have records sent <em>to</em> us, contact the other
            facility and ask them to send the records.
          </li>
        </ul>
      </section>

      <section className="section" aria-labelledby="who-may-request">
        <h2 id="who-may-request">Who can make a request</h2>
        <ul>
          <li>
            <strong>The patient.</strong>
          </li>
          <li>
            <strong>A legal representative acting for the patient</strong>, with proof of their authority:
            <ul>
              <li>a parent or legal guardian of a patient under 18;</li>
              <li>a court-appointed guardian (for example, a copy of the guardianship order);</li>
              <li>an agent under a health care power of attorney (a copy of the power of attorney);</li>
              <li>
                the executor or administrator of a deceased patient’s estate (for example, letters of office and the
                death certificate).
              </li>
            </ul>
          </li>
        </ul>
        <p>
          <strong>Everyone needs a government-issued photo ID</strong>, such as a driver’s license, state ID card or
          passport. When you request online, you upload a photo or scan of it. Record Connect checks identity and
          authority before releasing any records.
        </p>
        <p>
          To have records sent to someone else — another doctor, an attorney or an insurance company — the patient or
          legal representative names them on the request.
        </p>
      </section>

      <section className="section" aria-labelledby="delivery">
        <h2 id="delivery">How you receive the records</h2>
        <p>On the form (Section 4) you choose one of three delivery methods:</p>
        <ul className="delivery-list">
          <li>
            <strong>Secure e-mail.</strong> We send you an e-mail with a link to a secure website where you download the
            records. The e-mail itself never contains your records.
          </li>
          <li>
            <strong>Mail.</strong> We mail the records to the address you give us.
          </li>
          <li>
            <strong>Call for pickup.</strong> For pickup by the patient or legal representative. An associate calls you
            to schedule a time and gives you instructions. Bring a government-issued photo ID when you pick up the
            records.
          </li>
        </ul>
      </section>

      <section className="section" aria-labelledby="timing">
        <h2 id="timing">How long it takes</h2>
        <p>
          Record Connect responds within <strong>{organization.responseDays} days</strong> of receiving your request.
        </p>
        <p>
          If more time is needed, the law allows one extension of up to {organization.responseDays} more days. If that
          happens, we tell you in writing why, and when to expect your records.
        </p>
      </section>

      <section className="section" aria-labelledby="fees">
        <h2 id="fees">Fees and payment</h2>
        <ul>
          <li>
            <strong>No charge</strong> when records are sent directly to another medical provider.
          </li>
          <li>
            When records go to you or to anyone who is not a medical provider, <strong>fees may apply</strong>. Fees are
            limited by Illinois law (735 ILCS 5/8-2001) and federal law (HIPAA, 45 CFR 164.524). For example, an
            electronic copy of your own records costs no more than a flat $6.50.
          </li>
          <li>If there is a fee, Record Connect sends you an invoice summarizing the charges.</li>
        </ul>
        <h3>How to pay an invoice</h3>
        <ul>
          <li>
            By credit card over the phone: <PhoneLink line="payment" />
          </li>
          <li>By check, mailed to the address on the invoice</li>
        </ul>
        <p className="notice notice-warning">
          <strong>Cash is never accepted.</strong> Please pay only by credit card or check.
        </p>
      </section>

      <section className="section" aria-labelledby="questions">
        <h2 id="questions">Questions</h2>
        <p className="phone-line">
          Call Record Connect at <PhoneLink />
        </p>
        <p>{organization.questionsHours}</p>
      </section>
    </>
  );
}
