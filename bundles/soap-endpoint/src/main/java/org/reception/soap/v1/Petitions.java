package org.reception.soap.v1;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.jws.soap.SOAPBinding;

/** The port type {@code Petitions} of {@code petitions-v1.wsdl}: document/literal, one element in, one out. */
@WebService(name = "Petitions", targetNamespace = Petitions.NAMESPACE)
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface Petitions {

    String NAMESPACE = "urn:reception:petitions:v1";

    @WebMethod(operationName = "SubmitPetition", action = NAMESPACE + ":SubmitPetition")
    @WebResult(name = "SubmitPetitionResponse", targetNamespace = NAMESPACE, partName = "parameters")
    SubmitPetitionResponse submitPetition(
            @WebParam(name = "SubmitPetitionRequest", targetNamespace = NAMESPACE, partName = "parameters")
            SubmitPetitionRequest request) throws PetitionFault;

    @WebMethod(operationName = "GetPetitionStatus", action = NAMESPACE + ":GetPetitionStatus")
    @WebResult(name = "GetPetitionStatusResponse", targetNamespace = NAMESPACE, partName = "parameters")
    GetPetitionStatusResponse getPetitionStatus(
            @WebParam(name = "GetPetitionStatusRequest", targetNamespace = NAMESPACE, partName = "parameters")
            GetPetitionStatusRequest request) throws PetitionFault;

    @WebMethod(operationName = "ReportHandlingResult", action = NAMESPACE + ":ReportHandlingResult")
    @WebResult(name = "CaseUpdated", targetNamespace = NAMESPACE, partName = "parameters")
    CaseUpdated reportHandlingResult(
            @WebParam(name = "ReportHandlingResultRequest", targetNamespace = NAMESPACE, partName = "parameters")
            ReportHandlingResultRequest request) throws PetitionFault;

    @WebMethod(operationName = "ReportFeedback", action = NAMESPACE + ":ReportFeedback")
    @WebResult(name = "CaseUpdated", targetNamespace = NAMESPACE, partName = "parameters")
    CaseUpdated reportFeedback(
            @WebParam(name = "ReportFeedbackRequest", targetNamespace = NAMESPACE, partName = "parameters")
            ReportFeedbackRequest request) throws PetitionFault;
}
